import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { dropDatabases } from '../../../test/support/databases';
import { testInfra, uniqueName } from '../../../test/support/infra';
import { dataSourceOptions } from './database.module';
import { databaseUrl, ensureDatabase } from './ensure-database';

class Rollback extends Error {}

describe('TransactionOpeningClient against a real database', () => {
  const infra = testInfra();
  const name = uniqueName('it_opening');
  let dataSource: DataSource;
  let observer: Client;

  const itemsSeenFromElsewhere = async () =>
    (await observer.query<{ label: string }>('SELECT label FROM items ORDER BY label')).rows.map((row) => row.label);

  /** Runs the work in a transaction that it then abandons with an error, and checks that nothing of it was kept. */
  async function expectRolledBack(work: (manager: EntityManager) => Promise<void>): Promise<void> {
    await expect(
      dataSource.transaction(async (manager) => {
        await work(manager);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await itemsSeenFromElsewhere()).toEqual([]);
  }

  beforeAll(async () => {
    await ensureDatabase(infra.databaseUrl, name);
    dataSource = await new DataSource(dataSourceOptions({ serverUrl: infra.databaseUrl, name, poolSize: 2 }, { entities: [], migrations: [] })).initialize();
    await dataSource.query('CREATE TABLE items (label text PRIMARY KEY)');
    observer = new Client({ connectionString: databaseUrl(infra.databaseUrl, name) });
    await observer.connect();
  });

  beforeEach(async () => {
    await dataSource.query('DELETE FROM items');
  });

  afterAll(async () => {
    await observer?.end();
    await dataSource?.destroy();
    await dropDatabases(infra.databaseUrl, [name]);
  });

  it('runs a parameterized first statement inside the transaction: rolled back with it, never committed alone', async () => {
    await expectRolledBack(async (manager) => {
      await manager.query('INSERT INTO items (label) VALUES ($1)', ['first']);
      expect(await itemsSeenFromElsewhere()).toEqual([]);
    });
  });

  it('opens a transaction without a round trip of its own: begin goes with the first statement, an empty one costs none', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as Client & { connection: EventEmitter };
      let roundTrips = 0;
      client.connection.on('readyForQuery', () => roundTrips++);
      await runner.startTransaction();
      await runner.query('INSERT INTO items (label) VALUES ($1)', ['counted']);
      await runner.commitTransaction();
      expect(roundTrips).toBe(2);
      await runner.startTransaction();
      await runner.commitTransaction();
      expect(roundTrips).toBe(2);
    } finally {
      await runner.release();
    }
    expect(await itemsSeenFromElsewhere()).toEqual(['counted']);
  });

  it('keeps the first statement and the ones after it in one transaction, committed together', async () => {
    await dataSource.transaction(async (manager) => {
      const [first] = await manager.query<{ id: string }[]>('SELECT txid_current()::text AS id, $1::int AS n', [1]);
      await manager.query('INSERT INTO items (label) VALUES ($1)', ['a']);
      const [last] = await manager.query<{ id: string }[]>('SELECT txid_current()::text AS id');
      expect(last.id).toBe(first.id);
    });
    expect(await itemsSeenFromElsewhere()).toEqual(['a']);
  });

  it('fails a transaction whose first statement fails, keeps nothing of it, and leaves the connection usable', async () => {
    await dataSource.query('INSERT INTO items (label) VALUES ($1)', ['taken']);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO items (label) VALUES ($1)', ['taken']);
      }),
    ).rejects.toThrow(/duplicate key/);
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO items (label) VALUES ($1)', ['after']);
    });
    expect(await itemsSeenFromElsewhere()).toEqual(['after', 'taken']);
  });

  it('opens the transaction before text without parameters, even several statements in one', async () => {
    await expectRolledBack(async (manager) => {
      await manager.query("INSERT INTO items (label) VALUES ('one'); INSERT INTO items (label) VALUES ('two')");
    });
  });

  it('ends a transaction in which nothing ran, and the next statement on the connection commits on its own', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.commitTransaction();
      await runner.startTransaction();
      await runner.rollbackTransaction();
      await runner.query('INSERT INTO items (label) VALUES ($1)', ['autocommitted']);
      expect(await itemsSeenFromElsewhere()).toEqual(['autocommitted']);
    } finally {
      await runner.release();
    }
  });

  it('rolls back to a savepoint of a nested transaction and commits the rest', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO items (label) VALUES ($1)', ['outer']);
      await expect(
        manager.transaction(async (inner) => {
          await inner.query('INSERT INTO items (label) VALUES ($1)', ['inner']);
          throw new Rollback();
        }),
      ).rejects.toBeInstanceOf(Rollback);
    });
    expect(await itemsSeenFromElsewhere()).toEqual(['outer']);
  });

  it('opens a serializable transaction when asked for an isolation level', async () => {
    await dataSource.transaction('SERIALIZABLE', async (manager) => {
      const [{ level }] = await manager.query<{ level: string }[]>("SELECT current_setting('transaction_isolation') AS level, $1::int AS n", [1]);
      expect(level).toBe('serializable');
    });
  });
});
