import { Module } from '@nestjs/common';
import { BusinessHoursController } from './business-hours.controller';
import { BusinessHoursService } from './business-hours.service';

/** The team's business hours as admins set them, which handoff decides by. */
@Module({ controllers: [BusinessHoursController], providers: [BusinessHoursService], exports: [BusinessHoursService] })
export class BusinessHoursModule {}
