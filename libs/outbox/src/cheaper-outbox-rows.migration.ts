import { MigrationInterface, QueryRunner } from 'typeorm';
import { setColumnCompression } from '@helpgate/database';

/**
 * Every event a service publishes is a row of outbox_events, inserted, read once by the relay and deleted: for mail
 * the value carries the mail's text, a few kilobytes compressed on each insert, so it is compressed with lz4 rather
 * than pglz. And the unique index on event_id goes: no statement looks a row up by it, each row's event id is new
 * (an event is added once, by the transaction that made it), and consumers deduplicate by event id anyway, yet every
 * event paid an index insertion and left a dead index entry behind.
 */
export class CheaperOutboxRows1763900000010 implements MigrationInterface {
  name = 'CheaperOutboxRows1763900000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await setColumnCompression(queryRunner, 'outbox_events', ['value'], 'lz4');
    await queryRunner.query('ALTER TABLE outbox_events DROP CONSTRAINT outbox_events_event_id_key');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox_events ADD CONSTRAINT outbox_events_event_id_key UNIQUE (event_id)');
    await setColumnCompression(queryRunner, 'outbox_events', ['value'], 'default');
  }
}
