import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What agents work with: priority, assignee, tags, the response and solution times, and who wrote each message.
 * Messages are timed when written rather than when their transaction began, so the messages one transaction adds
 * (a mail and its acknowledgement, a follow-up's note and reply) keep their order.
 */
export class TicketWorkFields1763900000225 implements MigrationInterface {
  name = 'TicketWorkFields1763900000225';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        ADD COLUMN assignee_id uuid,
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN first_response_at timestamptz,
        ADD COLUMN solved_at timestamptz,
        ADD COLUMN support_address text`);
    await queryRunner.query('CREATE INDEX tickets_created ON tickets (created_at DESC)');
    await queryRunner.query('CREATE INDEX tickets_organization ON tickets (organization_id, created_at DESC)');
    await queryRunner.query('CREATE INDEX tickets_assignee ON tickets (assignee_id, created_at DESC)');
    await queryRunner.query('CREATE INDEX tickets_tags ON tickets USING gin (tags)');
    await queryRunner.query('ALTER TABLE ticket_messages ADD COLUMN author_agent_id uuid');
    await queryRunner.query('ALTER TABLE ticket_messages ALTER COLUMN created_at SET DEFAULT clock_timestamp()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ticket_messages ALTER COLUMN created_at SET DEFAULT now()');
    await queryRunner.query('ALTER TABLE ticket_messages DROP COLUMN author_agent_id');
    await queryRunner.query('DROP INDEX tickets_tags');
    await queryRunner.query('DROP INDEX tickets_assignee');
    await queryRunner.query('DROP INDEX tickets_organization');
    await queryRunner.query('DROP INDEX tickets_created');
    await queryRunner.query(`
      ALTER TABLE tickets
        DROP COLUMN priority, DROP COLUMN assignee_id, DROP COLUMN tags, DROP COLUMN first_response_at, DROP COLUMN solved_at,
        DROP COLUMN support_address`);
  }
}
