import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { IdentitySettings, settingSchemas } from './identity-settings';

export const changeSettingsSchema = z
  .strictObject(settingSchemas)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'change at least one setting');

export type ChangeSettingsDto = z.output<typeof changeSettingsSchema>;

export const auditQuerySchema = pageQuerySchema;

/** The settings as they are answered: the values `settingSchemas` gave, described as they are. */
export const identitySettingsResponseSchema = z.object({
  autoCreateContacts: z.boolean(),
  sendWelcomeMail: z.boolean(),
  welcomeTemplate: z.object({ subject: z.string(), body: z.string() }),
  portalUrl: z.url(),
  welcomeFromAddress: z.string(),
}) satisfies z.ZodType<IdentitySettings>;

export const settingChangeResponseSchema = z.object({
  id: z.uuid(),
  actor: z.string().describe('Who changed it: `agent:<id>`, else `system`.'),
  setting: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  changedAt: z.iso.datetime(),
});

export type SettingChangeResponseDto = z.infer<typeof settingChangeResponseSchema>;
