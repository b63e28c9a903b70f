import { z } from 'zod';
import { changeSettingsSchema, uploadedFileInput } from '@helpgate/platform';
import { HelpCenterSettings, helpCenterSettingSchemas } from './help-center.settings';

export const changeHelpCenterSettingsSchema = changeSettingsSchema(helpCenterSettingSchemas);
export type ChangeHelpCenterSettingsDto = z.output<typeof changeHelpCenterSettingsSchema>;

const linkSchema = z.object({ title: z.string(), url: z.url() });

/** The help-center settings as they are answered to agents and admins. */
export const helpCenterSettingsSchema = z.object({
  teamName: z.string(),
  accentColor: z.string().describe('`#rrggbb`, lower case.'),
  greetings: z.record(z.string(), z.string()).describe('The greeting by language code.'),
  logoUrl: z.string().nullable(),
  links: z.array(linkSchema),
  contactCustomerSuccess: z.boolean(),
}) satisfies z.ZodType<HelpCenterSettings>;

/** What the panel needs before it shows anything; nothing secret. */
export const helpCenterConfigSchema = z.object({
  teamName: z.string(),
  accentColor: z.string(),
  greetings: z.record(z.string(), z.string()),
  logoUrl: z.string().nullable().describe('Absolute, on the deployment; null: show the team name alone.'),
  links: z.array(linkSchema),
  features: z.object({
    contactCustomerSuccess: z
      .boolean()
      .describe('Offer the "contact customer success" form (tickets accepts it where its own setting allows).'),
    preChatForm: z.boolean().describe('The chat asks name and email before it starts.'),
  }),
  languages: z.array(z.string()).describe('The languages chat works in; the panel follows the browser among them, English otherwise.'),
  services: z
    .object({ chat: z.url(), identity: z.url(), tickets: z.url() })
    .describe("The public base URLs of the APIs the panel calls (identity's and tickets' answer CORS for chat's origin)."),
});
export type HelpCenterConfigDto = z.infer<typeof helpCenterConfigSchema>;

export const logoUploadSchema = uploadedFileInput;
export type LogoUploadDto = z.output<typeof logoUploadSchema>;
