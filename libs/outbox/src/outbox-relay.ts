import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import { EventPublisher } from '@helpgate/kafka';
import { BackgroundWorker } from './background-worker';

const relayLockId = 7_345_002;
const batchSize = 500;
const idlePollMs = 250;
const errorBackoffMs = 1000;

interface OutboxRow {
  seq: string;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows in commit order and deletes them once Kafka acknowledged them.
 * A transaction-scoped advisory lock lets one relay of the service's replicas publish at a time, which
 * keeps per-key order; a crash between publish and delete republishes, and consumers deduplicate.
 */
@Injectable()
export class OutboxRelay extends BackgroundWorker {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
  ) {
    super({ batchSize, idlePollMs, errorBackoffMs, failureMessage: 'outbox relay could not publish; retrying' });
  }

  /**
   * Publishes one batch; returns how many rows it published. A round is two round trips to Postgres: it was five (begin,
   * lock, read, delete, commit), a cost every service paid for every few events at a steady trickle. The statements
   * go as one simple-protocol query each, which Postgres runs in order in one transaction; their values are this
   * process's constants and the rows' own sequence numbers, never outside input.
   */
  protected async workRound(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const [, , read] = (await client.query(openRoundAndRead)) as unknown as QueryResult<OutboxRow>[];
      const rows = read.rows;
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      await this.publisher.publishRecords(rows);
      await client.query(`DELETE FROM outbox_events WHERE seq = ANY('{${rows.map((row) => sequenceNumber(row.seq)).join(',')}}'::bigint[]); COMMIT`);
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/**
 * Begins the round, takes the relay lock if no other replica holds it (the read then finds nothing), and reads the
 * oldest rows. The round's commit only deletes what Kafka already has, so it need not wait for its WAL flush: a crash
 * that loses it republishes those rows, which consumers deduplicate, and the flushes the mail's own commits wait on get
 * fewer. Each statement reads with a snapshot taken after the one before it, so the read sees every row committed before
 * the lock was taken.
 */
const openRoundAndRead = `BEGIN;
SELECT set_config('synchronous_commit', 'off', true), set_config('helpgate.relay_locked', pg_try_advisory_xact_lock(${relayLockId})::text, true);
SELECT seq, topic, key, value, headers FROM outbox_events WHERE current_setting('helpgate.relay_locked')::boolean ORDER BY seq LIMIT ${batchSize}`;

/** A bigint from the outbox's own column, checked before it is written into a statement. */
function sequenceNumber(seq: string): string {
  if (!/^\d+$/.test(seq)) throw new Error(`outbox sequence number ${seq} is not a bigint`);
  return seq;
}
