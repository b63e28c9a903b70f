import { hostname } from 'node:os';
import { z } from 'zod';
import { commonSettingsShape, listSetting, loadConfig, portSetting, positiveIntSetting, toCommonConfig } from '@helpgate/config';

const optionalPath = z.string().min(1).optional();

/**
 * What an instance runs: `smtp` is the front door (sessions, and the raw message stored and its accepted event
 * committed before the `250`); `processing` consumes the events (accepted mail parsed, authenticated and published,
 * outbound mail, erasures). Every instance of a consumer group must subscribe to the same topics (kafkajs assigns a
 * group's partitions to every member), so all consumers go together under `processing`.
 */
const EMAIL_INGEST_ROLES = ['smtp', 'processing'] as const;

const emailIngestSettings = z
  .object({
    ...commonSettingsShape({ service: 'email-ingest', httpPort: 3001 }),
    EMAIL_INGEST_ROLES: listSetting(z.enum(EMAIL_INGEST_ROLES), EMAIL_INGEST_ROLES.join(',')),
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
    SMTP_MAX_CONNECTIONS_PER_CLIENT: positiveIntSetting(20),
    SMTP_MAX_MESSAGES_PER_MINUTE_PER_CLIENT: positiveIntSetting(120),
    SMTP_IDLE_TIMEOUT_MS: positiveIntSetting(60_000),
    SMTP_DATA_TIMEOUT_MS: positiveIntSetting(300_000),
    SMTP_TLS_KEY_FILE: optionalPath,
    SMTP_TLS_CERT_FILE: optionalPath,
    DNS_SERVERS: z
      .string()
      .optional()
      .transform((value) =>
        value
          ? value
              .split(',')
              .map((server) => server.trim())
              .filter(Boolean)
          : undefined,
      ),
    SMTP_RELAY_URL: z.url({ protocol: /^smtps?$/ }).default('smtp://127.0.0.1:25'),
    SMTP_RELAY_CONNECTIONS: positiveIntSetting(5),
    OUTBOUND_MAX_ATTEMPTS: positiveIntSetting(8),
    OUTBOUND_RETRY_BASE_MS: positiveIntSetting(30_000),
    INBOUND_FLOOD_LIMIT: positiveIntSetting(30),
    INBOUND_FLOOD_WINDOW_MINUTES: positiveIntSetting(10),
    INGEST_MACHINE_MAIL_RETENTION_DAYS: positiveIntSetting(30),
  })
  .refine((env) => Boolean(env.SMTP_TLS_KEY_FILE) === Boolean(env.SMTP_TLS_CERT_FILE), {
    message: 'set both SMTP_TLS_KEY_FILE and SMTP_TLS_CERT_FILE, or neither',
    path: ['SMTP_TLS_CERT_FILE'],
  })
  .transform((env) => ({
    ...toCommonConfig('email-ingest', env),
    roles: { smtp: env.EMAIL_INGEST_ROLES.includes('smtp'), processing: env.EMAIL_INGEST_ROLES.includes('processing') },
    smtp: {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      serverName: env.SMTP_SERVER_NAME,
      supportAddresses: env.SUPPORT_ADDRESSES,
      maxMessageBytes: env.SMTP_MAX_MESSAGE_BYTES,
      maxRecipients: env.SMTP_MAX_RECIPIENTS,
      shutdownGraceMs: env.SMTP_SHUTDOWN_GRACE_MS,
      maxConnectionsPerClient: env.SMTP_MAX_CONNECTIONS_PER_CLIENT,
      maxMessagesPerMinutePerClient: env.SMTP_MAX_MESSAGES_PER_MINUTE_PER_CLIENT,
      idleTimeoutMs: env.SMTP_IDLE_TIMEOUT_MS,
      dataTimeoutMs: env.SMTP_DATA_TIMEOUT_MS,
      tls:
        env.SMTP_TLS_KEY_FILE && env.SMTP_TLS_CERT_FILE ? { keyFile: env.SMTP_TLS_KEY_FILE, certFile: env.SMTP_TLS_CERT_FILE } : undefined,
    },
    /** Domains whose mail is ours: our own Message-IDs coming back mean a loop. */
    ownDomains: [...new Set(env.SUPPORT_ADDRESSES.map((address) => address.slice(address.lastIndexOf('@') + 1)))],
    dnsServers: env.DNS_SERVERS,
    quarantine: {
      floodLimit: env.INBOUND_FLOOD_LIMIT,
      floodWindowMinutes: env.INBOUND_FLOOD_WINDOW_MINUTES,
      machineMailRetentionDays: env.INGEST_MACHINE_MAIL_RETENTION_DAYS,
    },
    outbound: {
      relayUrl: env.SMTP_RELAY_URL,
      relayConnections: env.SMTP_RELAY_CONNECTIONS,
      maxAttempts: env.OUTBOUND_MAX_ATTEMPTS,
      retryBaseMs: env.OUTBOUND_RETRY_BASE_MS,
    },
  }));

export type EmailIngestConfig = z.output<typeof emailIngestSettings>;
export type EmailIngestRoles = EmailIngestConfig['roles'];
export type SmtpConfig = EmailIngestConfig['smtp'];
export type OutboundConfig = EmailIngestConfig['outbound'];
export type QuarantineConfig = EmailIngestConfig['quarantine'];

export function loadEmailIngestConfig(env: NodeJS.ProcessEnv = process.env): EmailIngestConfig {
  return loadConfig(emailIngestSettings, env);
}
