import { z } from 'zod';
import { normalizeEmail } from '../domain/email-address';
import { portalUrlSchema } from '../domain/portal-url';
import type { SettingDefaultsConfig } from '../config';

const emailValue = z
  .string()
  .max(320)
  .transform((raw, context) => normalizeEmail(raw) ?? (context.addIssue({ code: 'custom', message: 'is not an email address' }), z.NEVER));

/** How each setting is validated, both from the API and when read back from the database. */
export const settingSchemas = {
  autoCreateContacts: z.boolean(),
  sendWelcomeMail: z.boolean(),
  welcomeTemplate: z.strictObject({
    subject: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .regex(/^[^\r\n]*$/, 'must be one line'),
    body: z.string().trim().min(1).max(20000),
  }),
  portalUrl: portalUrlSchema,
  welcomeFromAddress: emailValue,
};

export type SettingName = keyof typeof settingSchemas;
export type IdentitySettings = { [Name in SettingName]: z.output<(typeof settingSchemas)[Name]> };

export const settingNames = Object.keys(settingSchemas) as SettingName[];

export function isSettingName(name: string): name is SettingName {
  return name in settingSchemas;
}

export const defaultWelcomeTemplate: IdentitySettings['welcomeTemplate'] = {
  subject: 'Welcome to {{organization.name}} support',
  body: [
    'Hello {{contact.name}},',
    '',
    'we have set up a support account for you. You can follow your requests at {{portal.url}},',
    'signing in as {{portal.username}}.',
    '',
    'Choose your password here (the link works once): {{portal.setPasswordLink}}',
  ].join('\n'),
};

export function defaultSettings(fromEnvironment: SettingDefaultsConfig): IdentitySettings {
  return {
    autoCreateContacts: true,
    sendWelcomeMail: false,
    welcomeTemplate: defaultWelcomeTemplate,
    portalUrl: fromEnvironment.portalUrl,
    welcomeFromAddress: fromEnvironment.welcomeFromAddress,
  };
}
