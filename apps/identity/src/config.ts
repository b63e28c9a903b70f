import { z } from 'zod';
import { commonSettingsShape, loadConfig, toCommonConfig } from '@helpgate/config';
import { normalizeDomain, normalizeEmail } from './domain/email-address';

const domainName = z.string().transform((raw, context) => {
  const domain = normalizeDomain(raw);
  if (!domain) context.addIssue({ code: 'custom', message: `"${raw}" is not a domain name`, input: raw });
  return domain ?? z.NEVER;
});

/** Comma-separated domains; unlike `listSetting`, empty by default. */
const domainListSetting = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .pipe(z.array(domainName));

const httpsUrl = z.url({ protocol: /^https$/ });

const emailSetting = z.string().transform((raw, context) => {
  const email = normalizeEmail(raw);
  if (!email) context.addIssue({ code: 'custom', message: `"${raw}" is not an email address`, input: raw });
  return email ?? z.NEVER;
});

const identitySettings = z
  .object({
    ...commonSettingsShape({ service: 'identity', httpPort: 3002 }),
    IDENTITY_FREE_MAIL_DOMAINS: domainListSetting,
    IDENTITY_PORTAL_URL: httpsUrl.default('https://support.example.test'),
    IDENTITY_WELCOME_FROM: emailSetting.default('support@helpgate.test'),
  })
  .transform((env) => ({
    ...toCommonConfig('identity', env),
    organizations: { extraFreeMailDomains: env.IDENTITY_FREE_MAIL_DOMAINS },
    settingDefaults: { portalUrl: env.IDENTITY_PORTAL_URL, welcomeFromAddress: env.IDENTITY_WELCOME_FROM },
  }));

export type IdentityConfig = z.output<typeof identitySettings>;
export type OrganizationRulesConfig = IdentityConfig['organizations'];
/** Defaults of the settings agents can change through the API. */
export type SettingDefaultsConfig = IdentityConfig['settingDefaults'];

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return loadConfig(identitySettings, env);
}
