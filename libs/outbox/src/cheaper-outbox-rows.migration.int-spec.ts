import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabases } from '../../../test/support/databases';
import { testInfra, uniqueName } from '../../../test/support/infra';
import { messagingDatabase } from '../../../test/support/messaging';
import { lz4OrServerDefault as declaredLz4OrServerDefault } from '../../../test/support/migrations';

describe('migration CheaperOutboxRows1763900000010 (real Postgres)', () => {
  const infra = testInfra();
  const name = uniqueName('it_outbox_rows');
  let dataSource: DataSource;
  /** What the server compresses a column declared with lz4 with: pglz on a server built without lz4. */
  let lz4OrServerDefault: string;

  beforeAll(async () => {
    dataSource = await messagingDatabase(infra.databaseUrl, name);
    // The values of a server built without lz4 keep its default, pglz.
    lz4OrServerDefault = (await declaredLz4OrServerDefault(dataSource)) === 'lz4' ? 'lz4' : 'pglz';
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabases(infra.databaseUrl, [name]);
  });

  /** Adds an outbox row with a compressible value of a few kilobytes (as a mail's text) and says how it was compressed. */
  async function compressionOfNewValue(eventId = randomUUID()): Promise<string> {
    const value = 'Cannot sign in since this morning. '.repeat(150);
    const [{ seq }] = (await dataSource.query(
      `INSERT INTO outbox_events (event_id, topic, key, value) VALUES ($1, 'topic', 'key', $2) RETURNING seq`,
      [eventId, value],
    )) as { seq: string }[];
    // Only the stored row says how it was compressed (what RETURNING gives is the value before it was stored).
    const [{ compression }] = (await dataSource.query(
      'SELECT pg_column_compression(value) AS compression FROM outbox_events WHERE seq = $1',
      [seq],
    )) as { compression: string }[];
    return compression;
  }

  const eventIdIndexes = async () =>
    (
      (await dataSource.query(
        `SELECT indexname FROM pg_indexes WHERE tablename = 'outbox_events' AND indexdef LIKE '%(event_id)%'`,
      )) as unknown[]
    ).length;

  it('compresses new values with lz4 and keeps no index on event_id; undone, pglz and the unique index come back', async () => {
    expect(await compressionOfNewValue()).toBe(lz4OrServerDefault);
    expect(await eventIdIndexes()).toBe(0);

    await dataSource.query('DELETE FROM outbox_events');
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await compressionOfNewValue()).toBe('pglz');
    expect(await eventIdIndexes()).toBe(1);
    const eventId = randomUUID();
    await compressionOfNewValue(eventId);
    await expect(compressionOfNewValue(eventId)).rejects.toThrow(/outbox_events_event_id_key/);

    await dataSource.query('DELETE FROM outbox_events');
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await compressionOfNewValue()).toBe(lz4OrServerDefault);
  });
});
