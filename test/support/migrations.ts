import { DataSource } from 'typeorm';
import type { ServiceDefinition } from '@helpgate/platform';
import type { CommonConfig } from '@helpgate/config';
import { ServiceInProcess, startServiceInProcess } from './service-in-process';

/** Undoes migrations newest first down to and including `name`, so a migration test holds as later ones are added. */
export async function undoMigrationsThrough(dataSource: DataSource, name: string): Promise<void> {
  let undone: string | undefined;
  while (undone !== name) {
    const [latest] = (await dataSource.query('SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1')) as { name: string }[];
    await dataSource.undoLastMigration({ transaction: 'each' });
    undone = latest!.name;
  }
}

/**
 * Runs the service in process around the tests of the calling `describe` (it applies every migration on start) and gives
 * a function returning its data source, for a migration test to undo and redo migrations on.
 */
export function migratedDataSourceOf<Config extends CommonConfig>(
  definition: (env: NodeJS.ProcessEnv) => ServiceDefinition<Config>,
): () => DataSource {
  let service: ServiceInProcess | undefined;
  beforeAll(async () => {
    service = await startServiceInProcess(definition);
  });
  afterAll(async () => {
    await service?.close();
  });
  return () => service!.app.get(DataSource);
}

/**
 * How new values of each column are compressed as the table declares it: `lz4`, `pglz`, or `default` (the server's),
 * from pg_attribute; for a migration test of setColumnCompression.
 */
export async function declaredCompressions(dataSource: DataSource, table: string, columns: readonly string[]): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT attname AS column, CASE attcompression WHEN 'l' THEN 'lz4' WHEN 'p' THEN 'pglz' ELSE 'default' END AS compression
       FROM pg_attribute WHERE attrelid = $1::regclass AND attname = ANY($2)`,
    [table, columns],
  )) as { column: string; compression: string }[];
  return columns.map((column) => rows.find((row) => row.column === column)?.compression ?? 'missing');
}

/** What a column declared with lz4 gets on the test's server: `default` when the server was built without lz4. */
export async function lz4OrServerDefault(dataSource: DataSource): Promise<string> {
  return dataSource
    .query('CREATE TEMPORARY TABLE lz4_probe (value text COMPRESSION lz4)')
    .then(() => 'lz4')
    .catch(() => 'default');
}
