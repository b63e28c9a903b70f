import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventOf, TopicName } from '@helpgate/contracts';
import { recordForEvent } from '@helpgate/kafka';
import { OutboxRelay } from './outbox-relay';

/**
 * The transactions (by their entity manager) that added events to the outbox: only their commit has the relay woken,
 * so the many transactions that publish nothing (a chat message) cost no relay round each.
 */
const transactionsWithEvents = new WeakSet<EntityManager>();

/** Adds events to the outbox inside the caller's transaction. */
export class Outbox {
  constructor(private readonly manager: EntityManager) {}

  async add<T extends TopicName>(topic: T, key: string, event: EventOf<T>): Promise<void> {
    transactionsWithEvents.add(this.manager);
    const record = recordForEvent(topic, key, event);
    await this.manager.query('INSERT INTO outbox_events (event_id, topic, key, value, headers) VALUES ($1, $2, $3, $4, $5)', [
      event.eventId,
      record.topic,
      record.key,
      record.value,
      JSON.stringify(record.headers),
    ]);
  }

  /** Adds many events in one statement, in the order given (the order they are published in). */
  async addAll(entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    transactionsWithEvents.add(this.manager);
    const records = entries.map(({ topic, key, event }) => recordForEvent(topic, key, event));
    await this.manager.query(
      `INSERT INTO outbox_events (event_id, topic, key, value, headers)
       SELECT event_id, topic, key, value, headers
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS e(event_id, topic, key, value, headers, position)
       ORDER BY position`,
      [
        entries.map(({ event }) => event.eventId),
        records.map((record) => record.topic),
        records.map((record) => record.key),
        records.map((record) => record.value),
        records.map((record) => JSON.stringify(record.headers)),
      ],
    );
  }
}

/** An event for the outbox; the union over topics keeps each event typed by its own topic. */
export type OutboxEntry = { [T in TopicName]: { topic: T; key: string; event: EventOf<T> } }[TopicName];

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
    let transaction: EntityManager | undefined;
    const result = await this.dataSource.transaction((manager) => {
      transaction = manager;
      return work(manager, new Outbox(manager));
    });
    // Only a transaction that added events has something new for the relay.
    if (transaction && transactionsWithEvents.has(transaction)) this.relay.wake();
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

  /**
   * The batch form of runOnce: one transaction for all the events, whose ids enter the processed-events
   * ledger in one statement; the work gets the events not processed before, in the order given (possibly none).
   */
  async runOnceEach<Event extends { eventId: string }>(
    events: readonly Event[],
    topic: TopicName,
    work: (fresh: Event[], manager: EntityManager, outbox: Outbox) => Promise<void>,
  ): Promise<void> {
    await this.run(async (manager, outbox) => {
      const inserted: { event_id: string }[] = await manager.query(
        `INSERT INTO processed_events (event_id, topic)
         SELECT DISTINCT event_id, $2 FROM unnest($1::uuid[]) AS e(event_id)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [events.map((event) => event.eventId), topic],
      );
      const fresh = new Set(inserted.map((row) => row.event_id));
      const toHandle: Event[] = [];
      for (const event of events) {
        // A fresh id is handed over once, even when the batch holds the same event twice.
        if (fresh.delete(event.eventId)) toHandle.push(event);
      }
      if (toHandle.length > 0) await work(toHandle, manager, outbox);
    });
  }
}
