import { DataSource } from 'typeorm';
import { databaseUrl, ensureDatabase } from '@helpgate/database';
import { CreateMessagingTables1763900000000 } from '@helpgate/outbox';

/** A database of the spec's own holding only the messaging tables (outbox, processed events), connected. */
export async function messagingDatabase(serverUrl: string, name: string): Promise<DataSource> {
  await ensureDatabase(serverUrl, name);
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl(serverUrl, name),
    migrations: [CreateMessagingTables1763900000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
