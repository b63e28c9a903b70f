import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

/** The broker and database server the test run was started with (scripts/with-infra.mjs sets both). */
export function testInfra(): { brokers: string[]; databaseUrl: string } {
  const { KAFKA_BROKERS, DATABASE_URL } = process.env;
  if (!KAFKA_BROKERS || !DATABASE_URL) {
    throw new Error('KAFKA_BROKERS and DATABASE_URL are unset: run integration and e2e tests through npm test');
  }
  return { brokers: KAFKA_BROKERS.split(','), databaseUrl: DATABASE_URL };
}

/** The Redis server for tests of what runs over Redis: `REDIS_URL`, else the one on this machine. */
export function testRedisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A name no earlier or parallel run uses, valid as a Postgres identifier and inside a Kafka topic name. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Retries an assertion until it passes or the time is up; the last failure is what the test reports. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
