import { settingsController } from '@helpgate/platform';
import { businessHoursResponseSchema, changeBusinessHoursSchema } from './business-hours-settings';
import { BusinessHoursService } from './business-hours.service';

/** `GET /business-hours` (agents), `PATCH /business-hours` (admins), `GET /business-hours/audit`. */
export const BusinessHoursController = settingsController({
  name: 'BusinessHoursController',
  path: 'business-hours',
  service: BusinessHoursService,
  response: businessHoursResponseSchema,
  change: changeBusinessHoursSchema,
  changeDescription:
    'Changes any of the schedule, time zone and holidays; the next handoff decides by them. A part that cannot be read answers 400 `request.invalid_input` with the reason in `details`.',
});
