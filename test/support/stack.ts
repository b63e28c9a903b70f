import { RunningService, ServiceName, services, startService, waitUntilHealthy } from '../../scripts/lib/service-processes.cjs';
import { dropDatabases } from './databases';
import { freePort, testInfra, uniqueName } from './infra';
import { KafkaTestClient } from './kafka-test-client';

export interface Stack {
  url: Record<ServiceName, string>;
  smtpPort: number;
  kafka: KafkaTestClient;
  logsOf(service: ServiceName): string[];
  /** Sends SIGTERM to every service and returns their exit codes. */
  stop(): Promise<Record<ServiceName, number | string | null>>;
  cleanUp(): Promise<void>;
}

/** All four services as separate processes from dist/, each with its own database, sharing a unique topic prefix. */
export async function startStack(supportAddresses = 'support@helpgate.test'): Promise<Stack> {
  const { brokers, databaseUrl } = testInfra();
  const run = uniqueName('e2e');
  const smtpPort = await freePort();
  const logs = new Map<ServiceName, string[]>(services.map((service) => [service, []]));
  const httpPorts = new Map<ServiceName, number>();
  for (const service of services) httpPorts.set(service, await freePort());
  const databaseName = (service: ServiceName) => `${run}_${service.replace(/-/g, '_')}`;

  const running: RunningService[] = services.map((service) =>
    startService(service, {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: databaseUrl,
        DATABASE_NAME: databaseName(service),
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: `${run}.`,
        KAFKA_GROUP_ID: `${run}-${service}`,
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(httpPorts.get(service)),
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtpPort),
        SUPPORT_ADDRESSES: supportAddresses,
        LOG_LEVEL: 'info',
      },
      onLine: (line) => logs.get(service)!.push(line),
    }),
  );
  const kafka = new KafkaTestClient(brokers, `${run}.`);
  const stack: Stack = {
    url: Object.fromEntries(services.map((service) => [service, `http://127.0.0.1:${httpPorts.get(service)}`])) as Record<
      ServiceName,
      string
    >,
    smtpPort,
    kafka,
    logsOf: (service) => logs.get(service)!,
    async stop() {
      const codes = await Promise.all(running.map((service) => service.stop()));
      return Object.fromEntries(services.map((service, index) => [service, codes[index]])) as Record<ServiceName, number | string | null>;
    },
    async cleanUp() {
      await Promise.all(running.map((service) => service.stop('SIGKILL')));
      await kafka.close();
      await kafka.deleteOwnTopics();
      await dropDatabases(databaseUrl, services.map(databaseName));
    },
  };
  try {
    await Promise.all(running.map((service) => waitUntilHealthy(service, httpPorts.get(service.service)!)));
  } catch (error) {
    const tails = services.map((service) => `--- ${service}\n${logs.get(service)!.slice(-15).join('\n')}`).join('\n');
    await stack.cleanUp();
    throw new Error(`${(error as Error).message}\n${tails}`);
  }
  return stack;
}
