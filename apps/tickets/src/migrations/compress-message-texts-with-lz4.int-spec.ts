import { declaredCompressions, lz4OrServerDefault, migratedDataSourceOf, undoMigrationsThrough } from '../../../../test/support/migrations';
import { ticketsServiceDefinition } from '../tickets.definition';

describe('migration CompressMessageTextsWithLz41763900000280 (real Postgres)', () => {
  const ticketsDataSource = migratedDataSourceOf(ticketsServiceDefinition);
  const columns = ['body_text', 'full_text', 'body_html', 'body_search'];

  it("compresses messages' texts and search vectors with lz4, and undone with the server default again", async () => {
    const dataSource = ticketsDataSource();
    const lz4 = await lz4OrServerDefault(dataSource);
    expect(await declaredCompressions(dataSource, 'ticket_messages', columns)).toEqual(columns.map(() => lz4));

    await undoMigrationsThrough(dataSource, 'CompressMessageTextsWithLz41763900000280');
    expect(await declaredCompressions(dataSource, 'ticket_messages', columns)).toEqual(columns.map(() => 'default'));
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await declaredCompressions(dataSource, 'ticket_messages', columns)).toEqual(columns.map(() => lz4));
  });
});
