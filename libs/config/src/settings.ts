import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { publicKeysFromPem } from '@helpgate/auth';

export const portSetting = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

export const positiveIntSetting = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const booleanSetting = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['true', '1', 'yes'].includes(value));

const commaSeparated = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    );

export const listSetting = <Item extends z.ZodType<string, string>>(item: Item, fallback: string) =>
  commaSeparated(fallback).pipe(z.array(item).min(1));

/** A comma-separated list that may be empty, and is by default. */
export const optionalListSetting = <Item extends z.ZodType<unknown, string>>(item: Item) => commaSeparated('').pipe(z.array(item));

/** `https://help.example.com`: a scheme, a host and a port when not the default, as browsers send `Origin`. */
export const originSetting = z.string().transform((value, context) => {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below with the expected form
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== value.replace(/\/$/, '').toLowerCase()) {
    context.addIssue({ code: 'custom', message: `"${value}" must be an origin such as https://help.example.com (no path)`, input: value });
    return z.NEVER;
  }
  return url.origin;
});

const databaseName = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case Postgres identifier (a-z, 0-9, _; at most 63 characters)');

const topicPrefix = z.string().regex(/^[a-zA-Z0-9._-]{0,100}$/, 'may hold only letters, digits, ".", "_" and "-"');

/** A required file read and parsed once at start; a missing or bad file stops the service naming the setting. */
export const fileSetting = <Parsed>(what: string, parse: (text: string) => Parsed) =>
  z.string({ error: `is required: the file of ${what}` }).transform((path, context) => {
    try {
      return parse(readFileSync(path, 'utf8'));
    } catch (error) {
      context.addIssue({ code: 'custom', message: `cannot read ${what} from ${path}: ${(error as Error).message}`, input: path });
      return z.NEVER;
    }
  });

const tokenPublicKeysFile = fileSetting('the public keys that sign access tokens', publicKeysFromPem);

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The settings every service has; a service adds its own keys next to these. */
export function commonSettingsShape(defaults: { service: string; httpPort: number }) {
  return {
    LOG_LEVEL: z.enum(logLevels).default('info'),
    HTTP_PORT: portSetting(defaults.httpPort),
    HTTP_HOST: z.string().default('0.0.0.0'),
    /** Pages of these origins may call the HTTP API from a browser (CORS); empty: none, only same-origin pages. */
    HTTP_ALLOWED_ORIGINS: optionalListSetting(originSetting),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/postgres'),
    DATABASE_NAME: databaseName.default(`helpgate_${defaults.service.replace(/-/g, '_')}`),
    DATABASE_POOL_SIZE: positiveIntSetting(10),
    KAFKA_BROKERS: listSetting(z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port'), '127.0.0.1:9092'),
    KAFKA_CLIENT_ID: z.string().default(`helpgate-${defaults.service}`),
    KAFKA_GROUP_ID: z.string().default(`helpgate-${defaults.service}`),
    KAFKA_TOPIC_PREFIX: topicPrefix.default(''),
    KAFKA_TOPIC_PARTITIONS: positiveIntSetting(2),
    KAFKA_REPLICATION_FACTOR: positiveIntSetting(1),
    KAFKA_MAX_HANDLER_ATTEMPTS: positiveIntSetting(5),
    KAFKA_MAX_EVENTS_PER_BATCH: positiveIntSetting(500),
    /** Batches (of different topics or partitions) handled at once, each in a transaction of its own: below the pool size. */
    KAFKA_CONCURRENT_BATCHES: positiveIntSetting(6),
    KAFKA_TOPIC_CHECK_INTERVAL_MS: positiveIntSetting(1000),
    KAFKA_COMMIT_INTERVAL_MS: positiveIntSetting(1000),
    KAFKA_DEAD_LETTER_DEPTH_INTERVAL_MS: positiveIntSetting(15_000),
    AUTH_PUBLIC_KEYS_FILE: tokenPublicKeysFile,
  };
}

type CommonEnv = z.output<z.ZodObject<ReturnType<typeof commonSettingsShape>>>;

export function toCommonConfig(service: string, env: CommonEnv) {
  return {
    service,
    logLevel: env.LOG_LEVEL,
    http: { host: env.HTTP_HOST, port: env.HTTP_PORT, allowedOrigins: env.HTTP_ALLOWED_ORIGINS },
    database: { serverUrl: env.DATABASE_URL, name: env.DATABASE_NAME, poolSize: env.DATABASE_POOL_SIZE },
    kafka: {
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID,
      groupId: env.KAFKA_GROUP_ID,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      partitions: env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
      maxHandlerAttempts: env.KAFKA_MAX_HANDLER_ATTEMPTS,
      maxEventsPerBatch: env.KAFKA_MAX_EVENTS_PER_BATCH,
      concurrentBatches: env.KAFKA_CONCURRENT_BATCHES,
      topicCheckIntervalMs: env.KAFKA_TOPIC_CHECK_INTERVAL_MS,
      commitIntervalMs: env.KAFKA_COMMIT_INTERVAL_MS,
      deadLetterDepthIntervalMs: env.KAFKA_DEAD_LETTER_DEPTH_INTERVAL_MS,
    },
    auth: { publicKeys: env.AUTH_PUBLIC_KEYS_FILE },
  };
}

export type CommonConfig = ReturnType<typeof toCommonConfig>;
export type DatabaseConfig = CommonConfig['database'];
export type KafkaConfig = CommonConfig['kafka'];

/** The settings of a service that needs no settings of its own. */
export function commonServiceSettings(service: string, httpPort: number) {
  return z.object(commonSettingsShape({ service, httpPort })).transform((env) => toCommonConfig(service, env));
}
