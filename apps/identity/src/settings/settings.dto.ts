import { z } from 'zod';
import { changeSettingsSchema as changeSettingsOf } from '@helpgate/platform';
import { IdentitySettings, settingSchemas } from './identity-settings';

export const changeSettingsSchema = changeSettingsOf(settingSchemas);

export type ChangeSettingsDto = z.output<typeof changeSettingsSchema>;

/** The settings as they are answered: the values `settingSchemas` gave, described as they are. */
export const identitySettingsResponseSchema = z.object({
  autoCreateContacts: z.boolean(),
  sendWelcomeMail: z.boolean(),
  welcomeTemplate: z.object({ subject: z.string(), body: z.string() }),
  portalUrl: z.url(),
  welcomeFromAddress: z.string(),
}) satisfies z.ZodType<IdentitySettings>;
