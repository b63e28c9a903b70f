import { INestApplication } from '@nestjs/common';
import { runService, ServiceDefinition } from '@helpgate/platform';
import type { CommonConfig } from '@helpgate/config';
import { testAuthEnv, withAdminToken } from './auth';
import { dropDatabases } from './databases';
import { freePort, testInfra, uniqueName } from './infra';
import { KafkaTestClient } from './kafka-test-client';

export interface ServiceInProcess {
  app: INestApplication;
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  kafka: KafkaTestClient;
  /** `fetch` on the service's HTTP API, as an admin agent unless `init.headers` carry another authorization. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request to the service's HTTP API, as `fetch` above; redirects are returned, not followed. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Runs one service in this process against the real broker and database server, with its own
 * database, topic prefix and consumer group, so runs never see each other's data.
 */
export async function startServiceInProcess<Config extends CommonConfig>(
  definition: (env: NodeJS.ProcessEnv) => ServiceDefinition<Config>,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ServiceInProcess> {
  const { brokers, databaseUrl } = testInfra();
  const name = uniqueName('it');
  const httpPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: databaseUrl,
    DATABASE_NAME: name,
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_TOPIC_PREFIX: `${name}.`,
    KAFKA_GROUP_ID: `${name}-service`,
    HTTP_PORT: String(httpPort),
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...testAuthEnv,
    ...extraEnv,
  };
  const kafka = new KafkaTestClient(brokers, `${name}.`);
  const app = await runService(definition(env));
  const baseUrl = `http://127.0.0.1:${httpPort}`;
  const fetchAsAdmin = (path: string, init: RequestInit = {}) =>
    fetch(`${baseUrl}${path}`, { ...init, headers: withAdminToken(init.headers) });
  return {
    app,
    env,
    kafka,
    baseUrl,
    fetch: fetchAsAdmin,
    request: (method, path, body, headers = {}) =>
      fetchAsAdmin(path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
      }),
    async close() {
      await app.close();
      await kafka.close();
      await kafka.deleteOwnTopics();
      await dropDatabases(env.DATABASE_URL!, [name]);
    },
  };
}

export interface ReplicasInProcess {
  replicas: ServiceInProcess[];
  close(): Promise<void>;
}

/**
 * Several instances of one service in this process, sharing one database, topic prefix and consumer group as the
 * replicas of a deployment do, each on its own HTTP port.
 */
export async function startReplicasInProcess<Config extends CommonConfig>(
  definition: (env: NodeJS.ProcessEnv) => ServiceDefinition<Config>,
  count: number,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<ReplicasInProcess> {
  const first = await startServiceInProcess(definition, extraEnv);
  const { DATABASE_NAME, KAFKA_TOPIC_PREFIX, KAFKA_GROUP_ID } = first.env;
  const replicas = [first];
  try {
    while (replicas.length < count) {
      replicas.push(await startServiceInProcess(definition, { ...extraEnv, DATABASE_NAME, KAFKA_TOPIC_PREFIX, KAFKA_GROUP_ID }));
    }
  } catch (error) {
    await closeReplicas(replicas);
    throw error;
  }
  return { replicas, close: () => closeReplicas(replicas) };
}

/** The first replica made the database and topics, so it removes them, once the others are closed. */
async function closeReplicas([first, ...others]: ServiceInProcess[]): Promise<void> {
  for (const replica of others) {
    await replica.app.close();
    await replica.kafka.close();
  }
  await first.close();
}
