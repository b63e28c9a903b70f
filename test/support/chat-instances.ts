import { RunningService, startService, waitUntilHealthy } from '../../scripts/lib/service-processes.cjs';
import { testAuthEnv } from './auth';
import { dropDatabases } from './databases';
import { freePort, testInfra, testRedisUrl, uniqueName } from './infra';
import { KafkaTestClient } from './kafka-test-client';
import type { ExitCode } from './stack';

/** How the instances share rooms: chat's own Postgres database, or Redis (`REDIS_URL`). */
export type ChatAdapterChoice = 'postgres' | 'redis';

export interface ChatInstancesOptions {
  count: number;
  adapter: ChatAdapterChoice;
  /** Another Postgres server than the test run's. */
  databaseUrl?: string;
  /** An existing chat database to run against; by default a new one, dropped by `cleanUp`. */
  databaseName?: string;
  /** Another Kafka cluster than the test run's. */
  brokers?: string[];
  /** The topic prefix of the stack the instances belong to; by default their own, whose topics `cleanUp` deletes. */
  topicPrefix?: string;
  /** Settings given to every instance, over the defaults. */
  env?: NodeJS.ProcessEnv;
}

export interface ChatInstance {
  /** `http://127.0.0.1:<port>`: the HTTP API and the socket.io endpoint. */
  readonly url: string;
  /** Every line the process printed, across restarts. */
  readonly logs: string[];
  /** Ends the process with the signal (SIGKILL after 20 s) and returns its exit code. */
  stop(signal?: NodeJS.Signals): Promise<ExitCode>;
  /** Starts a stopped instance again on the same port and waits until it is healthy. */
  restart(): Promise<void>;
}

export interface ChatInstances {
  instances: ChatInstance[];
  databaseName: string;
  topicPrefix: string;
  /** SIGKILLs whatever still runs, then drops the database and deletes the topics this call made. */
  cleanUp(): Promise<void>;
}

/**
 * Runs chat instances as separate processes from dist/ (`npm run build` first), each on its own free port, all on
 * one database, topic prefix and consumer group as the replicas of a deployment are, joined through the chosen
 * adapter. Resolves once every instance answers `/health`.
 */
export async function startChatInstances(options: ChatInstancesOptions): Promise<ChatInstances> {
  const infra = testInfra();
  const databaseUrl = options.databaseUrl ?? infra.databaseUrl;
  const brokers = options.brokers ?? infra.brokers;
  const run = uniqueName('chat');
  const databaseName = options.databaseName ?? run;
  const topicPrefix = options.topicPrefix ?? `${run}.`;
  const sharedEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    DATABASE_URL: databaseUrl,
    DATABASE_NAME: databaseName,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_GROUP_ID: `${topicPrefix}chat`,
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...(options.adapter === 'redis' ? { REDIS_URL: testRedisUrl() } : {}),
    ...testAuthEnv,
    ...options.env,
  };

  const instances: (ChatInstance & { running: RunningService; healthy(): Promise<void> })[] = [];
  for (let index = 0; index < options.count; index++) {
    const port = await freePort();
    const logs: string[] = [];
    const launch = () => startService('chat', { env: { ...sharedEnv, HTTP_PORT: String(port) }, onLine: (line) => logs.push(line) });
    const instance = {
      url: `http://127.0.0.1:${port}`,
      logs,
      running: launch(),
      healthy: () => waitUntilHealthy(instance.running, port),
      stop: (signal: NodeJS.Signals = 'SIGTERM') => instance.running.stop(signal),
      async restart() {
        const { child } = instance.running;
        if (child.exitCode === null && child.signalCode === null) throw new Error(`chat on ${instance.url} is still running`);
        instance.running = launch();
        await instance.healthy();
      },
    };
    instances.push(instance);
  }

  const cleanUp = async () => {
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL')));
    if (options.topicPrefix === undefined) {
      const kafka = new KafkaTestClient(brokers, topicPrefix);
      await kafka.deleteOwnTopics();
      await kafka.close();
    }
    if (options.databaseName === undefined) await dropDatabases(databaseUrl, [databaseName]);
  };
  try {
    await Promise.all(instances.map((instance) => instance.healthy()));
  } catch (error) {
    const tails = instances.map((instance) => `--- chat on ${instance.url}\n${instance.logs.slice(-15).join('\n')}`).join('\n');
    await cleanUp();
    throw new Error(`${(error as Error).message}\n${tails}`, { cause: error });
  }
  return { instances, databaseName, topicPrefix, cleanUp };
}
