import { DataSource } from 'typeorm';
import { databaseUrl, ensureDatabase } from '@helpgate/database';
import { CheaperOutboxRows1763900000010, CreateMessagingTables1763900000000 } from '@helpgate/outbox';

/** A database of the spec's own holding only the messaging tables (outbox, processed events) as services have them, connected. */
export async function messagingDatabase(serverUrl: string, name: string): Promise<DataSource> {
  await ensureDatabase(serverUrl, name);
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl(serverUrl, name),
    migrations: [CreateMessagingTables1763900000000, CheaperOutboxRows1763900000010],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
