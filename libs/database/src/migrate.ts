import { DataSource } from 'typeorm';

/** One lock id for every Helpgate service: each has its own database, so they never contend. */
const migrationLockId = 7_345_001;

/** Runs pending migrations while holding a Postgres advisory lock, so replicas starting together never race. */
export async function runMigrationsUnderLock(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [migrationLockId]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [migrationLockId]).catch(() => undefined);
    await lockRunner.release();
  }
}
