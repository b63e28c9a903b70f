import { settingsController } from '@helpgate/platform';
import { changeTicketsSettingsSchema, ticketsSettingsResponseSchema } from './settings.dto';
import { TicketsSettingsService } from './settings.service';

/** `GET /settings` (agents), `PATCH /settings` (admins), `GET /settings/audit`. */
export const TicketsSettingsController = settingsController({
  name: 'TicketsSettingsController',
  path: 'settings',
  service: TicketsSettingsService,
  response: ticketsSettingsResponseSchema,
  change: changeTicketsSettingsSchema,
  changeDescription:
    'Changes any of the settings. 422 `ticket.unknown_category` for a category that does not exist, `settings.customer_success_category_required` to enable the customer-success form without its category.',
});
