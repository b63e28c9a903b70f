import { Injectable } from '@nestjs/common';
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

  /** Publishes one batch; returns how many rows it published. */
  protected async workRound(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // The round's commit only deletes what Kafka already has, so it need not wait for its WAL flush: a crash that loses
      // it republishes those rows, which consumers deduplicate, and the flushes the mail's own commits wait on get fewer.
      const [{ locked }] = await manager.query<{ locked: boolean }[]>(
        "SELECT pg_try_advisory_xact_lock($1) AS locked, set_config('synchronous_commit', 'off', true)",
        [relayLockId],
      );
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query('SELECT seq, topic, key, value, headers FROM outbox_events ORDER BY seq LIMIT $1', [
        batchSize,
      ]);
      if (rows.length === 0) return 0;
      await this.publisher.publishRecords(rows);
      await manager.query('DELETE FROM outbox_events WHERE seq = ANY($1::bigint[])', [rows.map((row) => row.seq)]);
      return rows.length;
    });
  }
}
