import { settingsController } from '@helpgate/platform';
import { changeSettingsSchema, identitySettingsResponseSchema } from './settings.dto';
import { SettingsService } from './settings.service';

/** `GET /settings` (agents), `PATCH /settings` (admins), `GET /settings/audit`. */
export const SettingsController = settingsController({
  name: 'SettingsController',
  path: 'settings',
  service: SettingsService,
  response: identitySettingsResponseSchema,
  change: changeSettingsSchema,
  changeDescription:
    'Changes any of the settings. 422 `settings.unknown_placeholder` for a welcome template naming an unknown placeholder.',
});
