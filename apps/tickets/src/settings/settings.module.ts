import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { TicketsSettingsController } from './settings.controller';
import { TicketsSettingsService } from './settings.service';

@Module({
  imports: [CategoriesModule],
  controllers: [TicketsSettingsController],
  providers: [TicketsSettingsService],
  exports: [TicketsSettingsService],
})
export class TicketsSettingsModule {}
