// Runs a command with the local infrastructure up: KAFKA_BROKERS and DATABASE_URL point at it.
import { spawn } from 'node:child_process';
import { ensureKafka } from './local-kafka.mjs';
import { ensurePostgres, stopEmbeddedPostgres } from './local-postgres.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-infra.mjs <command> [args...]');
  process.exit(2);
}

const kafka = await ensureKafka();
const postgres = await ensurePostgres();
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, KAFKA_BROKERS: kafka.brokers, DATABASE_URL: postgres.url },
});
const code = await new Promise((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
await stopEmbeddedPostgres();
process.exit(code);
