import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over subjects and message texts: generated tsvector columns (Postgres keeps them current on every
 * write) with GIN indexes. The `simple` configuration does not stem, so words in any language match alike; searches
 * match word prefixes instead. A message's first 100,000 characters are indexed, which keeps its tsvector far below
 * Postgres's 1 MB limit.
 */
export class TicketSearch1763900000230 implements MigrationInterface {
  name = 'TicketSearch1763900000230';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE tickets ADD COLUMN subject_search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, subject)) STORED",
    );
    await queryRunner.query('CREATE INDEX tickets_subject_search ON tickets USING gin (subject_search)');
    await queryRunner.query(
      "ALTER TABLE ticket_messages ADD COLUMN body_search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, left(body_text, 100000))) STORED",
    );
    await queryRunner.query('CREATE INDEX ticket_messages_body_search ON ticket_messages USING gin (body_search)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket_messages DROP COLUMN body_search');
    await queryRunner.query('ALTER TABLE tickets DROP COLUMN subject_search');
  }
}
