import { declaredCompressions, lz4OrServerDefault, migratedDataSourceOf, undoMigrationsThrough } from '../../../../test/support/migrations';
import { emailIngestServiceDefinition } from '../email-ingest.definition';

describe('migration CompressStoredMailWithLz41763900000730 (real Postgres)', () => {
  const ingestDataSource = migratedDataSourceOf(emailIngestServiceDefinition);

  it('compresses raw messages and attachments with lz4, and undone with the server default again', async () => {
    const dataSource = ingestDataSource();
    const stored = async () => [
      ...(await declaredCompressions(dataSource, 'raw_messages', ['content'])),
      ...(await declaredCompressions(dataSource, 'attachments', ['content'])),
    ];
    const lz4 = await lz4OrServerDefault(dataSource);
    expect(await stored()).toEqual([lz4, lz4]);

    await undoMigrationsThrough(dataSource, 'CompressStoredMailWithLz41763900000730');
    expect(await stored()).toEqual(['default', 'default']);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await stored()).toEqual([lz4, lz4]);
  });
});
