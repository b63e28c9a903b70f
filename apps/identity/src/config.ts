import { z } from 'zod';
import { signingKeyFromPem } from '@helpgate/auth';
import { commonSettingsShape, fileSetting, loadConfig, optionalListSetting, positiveIntSetting, toCommonConfig } from '@helpgate/config';
import { normalizeDomain, normalizeEmail } from './domain/email-address';
import { portalUrlSchema } from './domain/portal-url';

const domainName = z.string().transform((raw, context) => {
  const domain = normalizeDomain(raw);
  if (!domain) context.addIssue({ code: 'custom', message: `"${raw}" is not a domain name`, input: raw });
  return domain ?? z.NEVER;
});

const emailSetting = z.string().transform((raw, context) => {
  const email = normalizeEmail(raw);
  if (!email) context.addIssue({ code: 'custom', message: `"${raw}" is not an email address`, input: raw });
  return email ?? z.NEVER;
});

const secondsPerUnit = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** A duration such as `12h`, `90m`, `3600s` or `1d`, in seconds. */
const durationSetting = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((raw, context) => {
      const match = /^\s*(\d+)\s*([smhd])\s*$/.exec(raw);
      const seconds = match ? Number(match[1]) * secondsPerUnit[match[2] as keyof typeof secondsPerUnit] : 0;
      if (seconds <= 0) context.addIssue({ code: 'custom', message: `"${raw}" is not a duration such as 12h, 90m or 1d`, input: raw });
      return seconds > 0 ? seconds : z.NEVER;
    });

const signingKeyFile = fileSetting('the Ed25519 key that signs access tokens', signingKeyFromPem);

const identitySettings = z
  .object({
    ...commonSettingsShape({ service: 'identity', httpPort: 3002 }),
    IDENTITY_FREE_MAIL_DOMAINS: optionalListSetting(domainName),
    IDENTITY_PORTAL_URL: portalUrlSchema.default('https://support.example.test'),
    /** The agent console (chat's /console): agents' set-password links lead to its page, contacts' to the portal. */
    IDENTITY_CONSOLE_URL: portalUrlSchema.default('https://support.example.test/console'),
    IDENTITY_WELCOME_FROM: emailSetting.default('support@helpgate.test'),
    AUTH_PRIVATE_KEY_FILE: signingKeyFile,
    IDENTITY_ACCESS_TOKEN_TTL_SECONDS: positiveIntSetting(900),
    IDENTITY_INVITATION_LINK_TTL_HOURS: positiveIntSetting(72),
    IDENTITY_PASSWORD_RESET_TTL_MINUTES: positiveIntSetting(60),
    IDENTITY_VERIFICATION_LINK_TTL_HOURS: positiveIntSetting(72),
    IDENTITY_SESSION_TTL: durationSetting('12h'),
    IDENTITY_SIGN_IN_FREE_FAILURES: positiveIntSetting(3),
    IDENTITY_SIGN_IN_DELAY_MS: positiveIntSetting(500),
    IDENTITY_SIGN_IN_MAX_DELAY_MS: positiveIntSetting(8000),
    IDENTITY_SIGN_IN_MAX_FAILURES: positiveIntSetting(10),
    IDENTITY_SIGN_IN_MAX_FAILURES_PER_ADDRESS: positiveIntSetting(100),
    IDENTITY_SIGN_IN_WINDOW_SECONDS: positiveIntSetting(900),
    IDENTITY_FIRST_ADMIN_EMAIL: emailSetting.optional(),
    IDENTITY_FIRST_ADMIN_NAME: z.string().min(1).max(200).default('Administrator'),
    IDENTITY_FIRST_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
    IDENTITY_IMPORT_MAX_BYTES: positiveIntSetting(2 * 1024 * 1024),
    IDENTITY_IMPORT_MAX_ROWS: positiveIntSetting(1000),
  })
  .check((context) => {
    const env = context.value;
    if (!env.AUTH_PUBLIC_KEYS_FILE.has(env.AUTH_PRIVATE_KEY_FILE.keyId)) {
      context.issues.push({
        code: 'custom',
        path: ['AUTH_PRIVATE_KEY_FILE'],
        message: 'its public key is missing from AUTH_PUBLIC_KEYS_FILE, so no service would accept the tokens it signs',
        input: env.AUTH_PRIVATE_KEY_FILE.keyId,
      });
    }
    for (const limit of ['IDENTITY_SIGN_IN_MAX_FAILURES', 'IDENTITY_SIGN_IN_MAX_FAILURES_PER_ADDRESS'] as const) {
      if (env[limit] <= env.IDENTITY_SIGN_IN_FREE_FAILURES) {
        context.issues.push({
          code: 'custom',
          path: [limit],
          message: 'must be more than IDENTITY_SIGN_IN_FREE_FAILURES, or no attempt would ever be slowed before the lock',
          input: env[limit],
        });
      }
    }
    if (env.IDENTITY_FIRST_ADMIN_EMAIL && !env.IDENTITY_FIRST_ADMIN_PASSWORD) {
      context.issues.push({
        code: 'custom',
        path: ['IDENTITY_FIRST_ADMIN_PASSWORD'],
        message: 'is required with IDENTITY_FIRST_ADMIN_EMAIL',
        input: undefined,
      });
    }
  })
  .transform((env) => ({
    ...toCommonConfig('identity', env),
    organizations: { extraFreeMailDomains: env.IDENTITY_FREE_MAIL_DOMAINS },
    settingDefaults: { portalUrl: env.IDENTITY_PORTAL_URL, welcomeFromAddress: env.IDENTITY_WELCOME_FROM },
    access: {
      signingKey: env.AUTH_PRIVATE_KEY_FILE,
      accessTokenTtlSeconds: env.IDENTITY_ACCESS_TOKEN_TTL_SECONDS,
      consoleUrl: env.IDENTITY_CONSOLE_URL,
      linkTtlSeconds: {
        invitation: env.IDENTITY_INVITATION_LINK_TTL_HOURS * 3600,
        passwordReset: env.IDENTITY_PASSWORD_RESET_TTL_MINUTES * 60,
        verification: env.IDENTITY_VERIFICATION_LINK_TTL_HOURS * 3600,
      },
      sessionTtlSeconds: env.IDENTITY_SESSION_TTL,
      signInThrottle: {
        freeFailures: env.IDENTITY_SIGN_IN_FREE_FAILURES,
        delayMs: env.IDENTITY_SIGN_IN_DELAY_MS,
        maxDelayMs: env.IDENTITY_SIGN_IN_MAX_DELAY_MS,
        maxFailures: { account: env.IDENTITY_SIGN_IN_MAX_FAILURES, address: env.IDENTITY_SIGN_IN_MAX_FAILURES_PER_ADDRESS },
        windowSeconds: env.IDENTITY_SIGN_IN_WINDOW_SECONDS,
      },
      firstAdmin:
        env.IDENTITY_FIRST_ADMIN_EMAIL && env.IDENTITY_FIRST_ADMIN_PASSWORD
          ? { email: env.IDENTITY_FIRST_ADMIN_EMAIL, name: env.IDENTITY_FIRST_ADMIN_NAME, password: env.IDENTITY_FIRST_ADMIN_PASSWORD }
          : null,
    },
    contactImports: { maxBytes: env.IDENTITY_IMPORT_MAX_BYTES, maxRows: env.IDENTITY_IMPORT_MAX_ROWS },
  }));

export type IdentityConfig = z.output<typeof identitySettings>;
export type AccessConfig = IdentityConfig['access'];
/** How repeated failed sign-ins are slowed, then refused (see `sign-in-throttle/throttle-policy.ts`). */
export type SignInThrottleConfig = AccessConfig['signInThrottle'];
export type OrganizationRulesConfig = IdentityConfig['organizations'];
/** Defaults of the settings agents can change through the API. */
export type SettingDefaultsConfig = IdentityConfig['settingDefaults'];
/** How large a contact import file may be. */
export type ContactImportLimits = IdentityConfig['contactImports'];

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return loadConfig(identitySettings, env);
}
