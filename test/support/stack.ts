import { RunningService, ServiceName, services, startService, waitUntilHealthy } from '../../scripts/lib/service-processes.cjs';
import { testAuthEnv, withAdminToken } from './auth';
import { dropDatabases } from './databases';
import { consumedTopics } from '@helpgate/contracts';
import { databaseUrl as serviceDatabaseUrl } from '@helpgate/database';
import { eventually, freePort, testInfra, uniqueName } from './infra';
import { KafkaTestClient } from './kafka-test-client';

export type ExitCode = number | string | null;

export interface Stack {
  url: Record<ServiceName, string>;
  smtpPort: number;
  kafka: KafkaTestClient;
  /** `fetch` on a service's HTTP API, as an admin agent unless `init.headers` carry another authorization. */
  fetch(service: ServiceName, path: string, init?: RequestInit): Promise<Response>;
  /** The JSON body of a `GET` that must answer 200. */
  getJson<T>(service: ServiceName, path: string): Promise<T>;
  logsOf(service: ServiceName): string[];
  /** The connection URL of a service's own database. */
  databaseUrlOf(service: ServiceName): string;
  /** The consumer group a service of this stack consumes in. */
  groupOf(service: ServiceName): string;
  /** Waits until every service has handled every event published so far. */
  waitUntilIdle(timeoutMs?: number): Promise<void>;
  /** Each service's consumer group's partitions with records it has not consumed (committed past) yet. */
  unconsumed(): Promise<Partial<Record<ServiceName, Awaited<ReturnType<KafkaTestClient['unconsumed']>>>>>;
  /** Ends one service with the signal (SIGKILL after 20 s) and returns its exit code. */
  stopService(service: ServiceName, signal?: NodeJS.Signals): Promise<ExitCode>;
  /** Starts a stopped service again, with the same settings, database and ports, and waits until it is healthy. */
  startService(service: ServiceName): Promise<void>;
  /** Sends SIGTERM to every service and returns their exit codes. */
  stop(): Promise<Record<ServiceName, ExitCode>>;
  cleanUp(): Promise<void>;
}

export interface StackOptions {
  /** Another Kafka cluster than the test run's, e.g. a dedicated broker a test may stop. */
  brokers?: string[];
  /** Another Postgres server than the test run's, e.g. a dedicated one a test may restart. */
  databaseUrl?: string;
  /** Settings given to every service, over the defaults below. */
  env?: NodeJS.ProcessEnv;
}

/** All four services as separate processes from dist/, each with its own database, sharing a unique topic prefix. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const infra = testInfra();
  const brokers = options.brokers ?? infra.brokers;
  const databaseUrl = options.databaseUrl ?? infra.databaseUrl;
  const run = uniqueName('e2e');
  const smtpPort = await freePort();
  const logs = new Map<ServiceName, string[]>(services.map((service) => [service, []]));
  const httpPorts = new Map<ServiceName, number>();
  for (const service of services) httpPorts.set(service, await freePort());
  const databaseName = (service: ServiceName) => `${run}_${service.replace(/-/g, '_')}`;
  const groupOf = (service: ServiceName) => `${run}-${service}`;

  const localUrl = (service: ServiceName) => `http://127.0.0.1:${httpPorts.get(service)}`;
  const chatOrigins = `${localUrl('chat')},http://localhost:${httpPorts.get('chat')}`;
  // The help-center panel and the agent console are pages of chat that call identity, tickets and (the console alone)
  // email-ingest from the browser: they allow chat's origins, chat tells the pages where they are, and identity sends
  // invited agents to the console.
  const panelSettings: Partial<Record<ServiceName, NodeJS.ProcessEnv>> = {
    identity: {
      HTTP_ALLOWED_ORIGINS: chatOrigins,
      IDENTITY_PORTAL_URL: `${localUrl('chat')}/help-center`,
      IDENTITY_CONSOLE_URL: `${localUrl('chat')}/console`,
    },
    tickets: { HTTP_ALLOWED_ORIGINS: chatOrigins },
    'email-ingest': { HTTP_ALLOWED_ORIGINS: chatOrigins },
    chat: {
      CHAT_PUBLIC_URL: localUrl('chat'),
      CHAT_PUBLIC_URL_IDENTITY: localUrl('identity'),
      CHAT_PUBLIC_URL_TICKETS: localUrl('tickets'),
      CHAT_PUBLIC_URL_EMAIL_INGEST: localUrl('email-ingest'),
    },
  };

  const launch = (service: ServiceName): RunningService =>
    startService(service, {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        DATABASE_NAME: databaseName(service),
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: `${run}.`,
        KAFKA_GROUP_ID: groupOf(service),
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(httpPorts.get(service)),
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        SUPPORT_ADDRESSES: 'support@helpgate.test',
        LOG_LEVEL: 'info',
        ...testAuthEnv,
        ...panelSettings[service],
        ...options.env,
      },
      onLine: (line) => logs.get(service)!.push(line),
    });
  const running = new Map<ServiceName, RunningService>(services.map((service) => [service, launch(service)]));
  const healthy = (service: ServiceName) => waitUntilHealthy(running.get(service)!, httpPorts.get(service)!);

  const kafka = new KafkaTestClient(brokers, `${run}.`);
  const stack: Stack = {
    url: Object.fromEntries(services.map((service) => [service, `http://127.0.0.1:${httpPorts.get(service)}`])) as Record<
      ServiceName,
      string
    >,
    smtpPort,
    kafka,
    fetch: (service, path, init = {}) =>
      fetch(`http://127.0.0.1:${httpPorts.get(service)}${path}`, { ...init, headers: withAdminToken(init.headers) }),
    async getJson<T>(service: ServiceName, path: string): Promise<T> {
      const response = await stack.fetch(service, path);
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    },
    logsOf: (service) => logs.get(service)!,
    databaseUrlOf: (service) => serviceDatabaseUrl(databaseUrl, databaseName(service)),
    groupOf,
    async waitUntilIdle(timeoutMs) {
      await eventually(async () => {
        for (const service of services) expect(await kafka.hasConsumedAll(groupOf(service), [...consumedTopics[service]])).toBe(true);
      }, timeoutMs);
    },
    async unconsumed() {
      const behind = await Promise.all(services.map((service) => kafka.unconsumed(groupOf(service), [...consumedTopics[service]])));
      return Object.fromEntries(services.flatMap((service, index) => (behind[index].length > 0 ? [[service, behind[index]]] : [])));
    },
    stopService: (service, signal = 'SIGTERM') => running.get(service)!.stop(signal),
    async startService(service) {
      const { child } = running.get(service)!;
      if (child.exitCode === null && child.signalCode === null) throw new Error(`${service} is still running`);
      running.set(service, launch(service));
      await healthy(service);
    },
    async stop() {
      const codes = await Promise.all(services.map((service) => running.get(service)!.stop()));
      return Object.fromEntries(services.map((service, index) => [service, codes[index]])) as Record<ServiceName, ExitCode>;
    },
    async cleanUp() {
      await Promise.all(services.map((service) => running.get(service)!.stop('SIGKILL')));
      await kafka.close();
      await kafka.deleteOwnTopics();
      await dropDatabases(databaseUrl, services.map(databaseName));
    },
  };
  try {
    await Promise.all(services.map(healthy));
  } catch (error) {
    const tails = services.map((service) => `--- ${service}\n${logs.get(service)!.slice(-15).join('\n')}`).join('\n');
    await stack.cleanUp();
    throw new Error(`${(error as Error).message}\n${tails}`);
  }
  return stack;
}
