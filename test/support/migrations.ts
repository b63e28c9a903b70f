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
