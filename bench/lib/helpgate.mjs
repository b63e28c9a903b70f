// The real Helpgate services as separate processes from dist/ (the way npm start and the end-to-end tests
// run them), each with its own database and all under one topic prefix, so a benchmark run never touches
// anybody else's data on a shared broker or database server.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { authEnv } from './auth.mjs';
import { loadContracts } from './compiled-libs.mjs';
import { createTopics, deleteTopicsWithPrefix, groupLag, kafkaClient, withAdmin } from './kafka.mjs';
import { inspectFlag } from './inspector.mjs';
import { freePort } from './ports.mjs';
import { repoRoot } from './paths.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const { startService, waitUntilHealthy } = require(path.join(repoRoot, 'scripts', 'lib', 'service-processes.cjs'));
const { Client, Pool } = require('pg');

/** The URL of one database on the server `serverUrl` points at. */
export function databaseUrlFor(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Partitions of every topic a benchmark creates (the services' default, KAFKA_TOPIC_PARTITIONS). */
export const TOPIC_PARTITIONS = 2;

/** The topics each service consumes (without prefix): what "the service is idle" is checked against. */
export function consumedTopics(service) {
  return loadContracts().consumedTopics[service];
}


/**
 * What the benchmarks change in email-ingest's settings, and why: one load generator on one address stands in
 * for many senders, so the per-client limits and the flood quarantine would refuse or hold its mail; DNS is
 * answered from memory (see dns-stub.mjs); outbound mail (acknowledgements) goes to a relay that discards it.
 */
export function benchIngestEnv({ supportAddress, dnsAddress, relayPort }) {
  return {
    SUPPORT_ADDRESSES: supportAddress,
    SMTP_SERVER_NAME: 'helpgate.bench',
    DNS_SERVERS: dnsAddress,
    SMTP_MAX_CONNECTIONS_PER_CLIENT: '1000',
    SMTP_MAX_MESSAGES_PER_MINUTE_PER_CLIENT: '100000000',
    INBOUND_FLOOD_LIMIT: '100000000',
    SMTP_RELAY_URL: `smtp://127.0.0.1:${relayPort}`,
  };
}

export function uniqueRunName(prefix) {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/**
 * One Helpgate installation for a benchmark: services are started (any number of instances each) and
 * stopped at will; `cleanUp` removes its processes, topics and databases.
 */
export async function createHelpgateRun({ brokers, databaseUrl, env = {}, name = uniqueRunName('bench'), profileDir }) {
  const prefix = `${name}.`;
  const kafka = kafkaClient(brokers);
  const smtpPort = await freePort();
  const instances = [];
  const logTails = new Map();
  const databaseName = (service) => `${name}_${service.replace(/-/g, '_')}`;
  const groupId = (service) => `${name}-${service}`;
  const pools = new Map();
  /** The services whose databases cleanUp drops: the mail services always, any other once started. */
  const startedServices = new Set(['email-ingest', 'identity', 'tickets']);

  const run = {
    name,
    prefix,
    kafka,
    smtpPort,
    databaseName,
    groupId,
    topic: (topic) => prefix + topic,
    instances,

    /** Creates every contract topic and its dead-letter topic before any service starts. */
    async createTopics(topics, partitions) {
      await createTopics(
        kafka,
        topics.flatMap((topic) => [prefix + topic, `${prefix}${topic}.dlq`]),
        partitions,
      );
    },

    /**
     * Starts `count` instances of the service and waits until each answers /health. With `profileDir`, each
     * instance writes a CPU profile into <profileDir>/<service>-<n> when it is stopped (not when killed). With
     * `inspect`, each opens the V8 inspector on a port of its own (`instance.inspectPort`; see inspector.mjs).
     */
    async start(service, count = 1, extraEnv = {}, { inspect = false } = {}) {
      const started = [];
      startedServices.add(service);
      for (let index = 0; index < count; index++) {
        const httpPort = await freePort();
        const inspectPort = inspect ? await freePort() : undefined;
        const tail = [];
        const label = `${service}-${instances.filter((instance) => instance.service === service).length + 1}`;
        const nodeFlags = [
          ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, label)}`] : []),
          ...(inspectPort ? [inspectFlag(inspectPort)] : []),
        ];
        logTails.set(label, tail);
        const running = startService(service, {
          nodeFlags,
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: databaseUrl,
            DATABASE_NAME: databaseName(service),
            KAFKA_BROKERS: brokers,
            KAFKA_TOPIC_PREFIX: prefix,
            KAFKA_GROUP_ID: groupId(service),
            KAFKA_TOPIC_PARTITIONS: String(TOPIC_PARTITIONS),
            HTTP_HOST: '127.0.0.1',
            HTTP_PORT: String(httpPort),
            SMTP_HOST: '127.0.0.1',
            SMTP_PORT: String(smtpPort),
            ...authEnv(),
            ...env,
            ...extraEnv,
          },
          onLine: (line) => {
            tail.push(line);
            if (tail.length > 40) tail.shift();
          },
        });
        const instance = { service, label, running, pid: running.child.pid, url: `http://127.0.0.1:${httpPort}`, inspectPort };
        instances.push(instance);
        started.push(instance);
      }
      try {
        await Promise.all(started.map((instance) => waitUntilHealthy(instance.running, Number(new URL(instance.url).port), 120_000)));
      } catch (error) {
        throw new Error(
          `${error.message}\n${started.map((instance) => `--- ${instance.label}\n${logTails.get(instance.label).join('\n')}`).join('\n')}`,
        );
      }
      return started;
    },

    pidsOf(service) {
      return instances.filter((instance) => instance.service === service && instance.running.child.exitCode === null).map((i) => i.pid);
    },

    urlOf(service) {
      return instances.find((instance) => instance.service === service && instance.running.child.exitCode === null).url;
    },

    async stop(service) {
      const stopping = instances.filter((instance) => instance.service === service);
      await Promise.all(stopping.map((instance) => instance.running.stop('SIGTERM')));
      for (const instance of stopping) instances.splice(instances.indexOf(instance), 1);
    },

    /** Unconsumed records of the service's consumer group across the topics it consumes. */
    async lagOf(service) {
      return withAdmin(kafka, (admin) =>
        groupLag(
          admin,
          groupId(service),
          consumedTopics(service).map((topic) => prefix + topic),
        ),
      );
    },

    /** Waits until every running service has consumed everything published so far (outboxes included). */
    async waitUntilIdle({ timeoutMs = 600_000, services = ['identity', 'tickets', 'email-ingest'] } = {}) {
      const deadline = Date.now() + timeoutMs;
      const running = services.filter((service) => run.pidsOf(service).length > 0);
      let quietChecks = 0;
      while (Date.now() < deadline) {
        const lags = await Promise.all(running.map((service) => run.lagOf(service)));
        const pendingOutbox = await Promise.all(running.map((service) => run.outboxSize(service)));
        // An outbox row becomes a record a moment later, so "idle" must hold on two checks in a row.
        quietChecks = lags.every((lag) => lag === 0) && pendingOutbox.every((size) => size === 0) ? quietChecks + 1 : 0;
        if (quietChecks >= 2) return;
        await sleep(200);
      }
      throw new Error(`Helpgate did not catch up within ${timeoutMs} ms`);
    },

    async query(service, sql, parameters = []) {
      if (!pools.has(service))
        pools.set(service, new Pool({ connectionString: databaseUrlFor(databaseUrl, databaseName(service)), max: 1 }));
      return (await pools.get(service).query(sql, parameters)).rows;
    },

    async outboxSize(service) {
      const [{ count }] = await run.query(service, 'SELECT count(*)::int AS count FROM outbox_events');
      return count;
    },

    logTail(label) {
      return (logTails.get(label) ?? []).join('\n');
    },

    async cleanUp() {
      await Promise.all(instances.map((instance) => instance.running.stop('SIGKILL')));
      instances.length = 0;
      await Promise.all([...pools.values()].map((pool) => pool.end()));
      pools.clear();
      await deleteTopicsWithPrefix(kafka, prefix).catch(() => {});
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        for (const service of startedServices) await client.query(`DROP DATABASE IF EXISTS "${databaseName(service)}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
  return run;
}
