import { hostname } from 'node:os';
import { z } from 'zod';
import { commonSettingsShape, listSetting, loadConfig, portSetting, positiveIntSetting, toCommonConfig } from '@helpgate/config';

const emailIngestSettings = z
  .object({
    ...commonSettingsShape({ service: 'email-ingest', httpPort: 3001 }),
    SMTP_PORT: portSetting(2525),
    SMTP_HOST: z.string().default('0.0.0.0'),
    SMTP_SERVER_NAME: z
      .string()
      .regex(/^[a-zA-Z0-9.-]+$/, 'must be a host name')
      .default(hostname()),
    SUPPORT_ADDRESSES: listSetting(
      z.email().transform((address) => address.toLowerCase()),
      'support@helpgate.test',
    ),
    SMTP_MAX_MESSAGE_BYTES: positiveIntSetting(25 * 1024 * 1024),
    SMTP_MAX_RECIPIENTS: positiveIntSetting(50),
    SMTP_SHUTDOWN_GRACE_MS: positiveIntSetting(30_000),
  })
  .transform((env) => ({
    ...toCommonConfig('email-ingest', env),
    smtp: {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      serverName: env.SMTP_SERVER_NAME,
      supportAddresses: env.SUPPORT_ADDRESSES,
      maxMessageBytes: env.SMTP_MAX_MESSAGE_BYTES,
      maxRecipients: env.SMTP_MAX_RECIPIENTS,
      shutdownGraceMs: env.SMTP_SHUTDOWN_GRACE_MS,
    },
  }));

export type EmailIngestConfig = z.output<typeof emailIngestSettings>;
export type SmtpConfig = EmailIngestConfig['smtp'];

export function loadEmailIngestConfig(env: NodeJS.ProcessEnv = process.env): EmailIngestConfig {
  return loadConfig(emailIngestSettings, env);
}
