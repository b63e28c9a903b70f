import { z } from 'zod';
import type { ChatConfig } from '../config';

/** What the help center is told by chat's configuration: the public URLs it calls, the languages, the pre-chat step. */
export type HelpCenterConfig = ChatConfig['helpCenter'];

export const HELP_CENTER_CONFIG = Symbol('HELP_CENTER_CONFIG');

const languageCode = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code such as "en"');

/** How each help-center setting an admin changes is validated, from the API and when read back from the database. */
export const helpCenterSettingSchemas = {
  teamName: z.string().trim().min(1).max(80),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1a73e8')
    .transform((colour) => colour.toLowerCase()),
  /** The panel's greeting by language; the panel falls back to English for a language without one. */
  greetings: z.record(languageCode, z.string().trim().min(1).max(300)),
  /** A path on chat (`/help-center/logos/…`) or a URL on the deployment; null: the team name alone. */
  logoUrl: z.string().trim().min(1).max(2000).nullable(),
  /** Links the team shows in the panel (community, training), in order. */
  links: z.array(z.strictObject({ title: z.string().trim().min(1).max(80), url: z.url({ protocol: /^https?$/ }).max(2000) })).max(10),
  /** Whether the panel offers the "contact customer success" form (tickets must accept it too: its own setting). */
  contactCustomerSuccess: z.boolean(),
};

export type HelpCenterSettings = { [Name in keyof typeof helpCenterSettingSchemas]: z.output<(typeof helpCenterSettingSchemas)[Name]> };

export const defaultHelpCenterSettings: HelpCenterSettings = {
  teamName: 'Support',
  accentColor: '#1a73e8',
  greetings: {
    en: 'Hi! How can we help?',
    fr: 'Bonjour ! Comment pouvons-nous vous aider ?',
    it: 'Ciao! Come possiamo aiutarti?',
  },
  logoUrl: null,
  links: [],
  contactCustomerSuccess: false,
};
