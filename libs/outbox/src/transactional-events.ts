import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOf, TopicName } from '@helpgate/contracts';
import { recordForEvent } from '@helpgate/kafka';
import { OutboxRelay } from './outbox-relay';

/** Adds events to the outbox inside the caller's transaction. */
export class Outbox {
  constructor(private readonly manager: EntityManager) {}

  async add<T extends TopicName>(topic: T, key: string, event: EventOf<T>): Promise<void> {
    const record = recordForEvent(topic, key, event);
    await this.manager.query('INSERT INTO outbox_events (event_id, topic, key, value, headers) VALUES ($1, $2, $3, $4, $5)', [
      event.eventId,
      record.topic,
      record.key,
      record.value,
      JSON.stringify(record.headers),
    ]);
  }
}

export type TransactionalWork<Result> = (manager: EntityManager, outbox: Outbox) => Promise<Result>;

/**
 * Database changes and the events about them commit together (transactional outbox); a consumed event
 * whose id is already in the processed-events ledger is skipped, so redelivery has no second effect.
 */
@Injectable()
export class TransactionalEvents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<Result>(work: TransactionalWork<Result>): Promise<Result> {
    const result = await this.dataSource.transaction((manager) => work(manager, new Outbox(manager)));
    this.relay.wake();
    return result;
  }

  /** Runs the work once per event id; returns false when the event had been processed before. */
  async runOnce(event: { eventId: string }, topic: TopicName, work: TransactionalWork<void>): Promise<boolean> {
    return this.run(async (manager, outbox) => {
      const inserted: unknown[] = await manager.query(
        'INSERT INTO processed_events (event_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
        [event.eventId, topic],
      );
      if (inserted.length === 0) return false;
      await work(manager, outbox);
      return true;
    });
  }
}
