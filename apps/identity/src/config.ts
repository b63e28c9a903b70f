import { z } from 'zod';
import { commonSettingsShape, loadConfig, toCommonConfig } from '@helpgate/config';
import { normalizeDomain } from './domain/email-address';

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

const identitySettings = z
  .object({
    ...commonSettingsShape({ service: 'identity', httpPort: 3002 }),
    IDENTITY_FREE_MAIL_DOMAINS: domainListSetting,
  })
  .transform((env) => ({
    ...toCommonConfig('identity', env),
    organizations: { extraFreeMailDomains: env.IDENTITY_FREE_MAIL_DOMAINS },
  }));

export type IdentityConfig = z.output<typeof identitySettings>;
export type OrganizationRulesConfig = IdentityConfig['organizations'];

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return loadConfig(identitySettings, env);
}
