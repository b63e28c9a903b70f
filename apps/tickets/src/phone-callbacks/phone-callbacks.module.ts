import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { TicketsSettingsModule } from '../settings/settings.module';
import { PhoneCallbacksRepository } from './phone-callbacks.repository';
import { PhoneCallbacksService } from './phone-callbacks.service';

/** Phone calls customers ask for on the ticket form (agents see them on the ticket). */
@Module({
  imports: [CategoriesModule, TicketsSettingsModule],
  providers: [PhoneCallbacksRepository, PhoneCallbacksService],
  exports: [PhoneCallbacksService],
})
export class PhoneCallbacksModule {}
