import { MigrationInterface, QueryRunner } from 'typeorm';

export class MailThreading1763900000210 implements MigrationInterface {
  name = 'MailThreading1763900000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN category text,
        ADD COLUMN linked_ticket_id uuid REFERENCES tickets (id),
        ADD COLUMN link_kind text CHECK (link_kind IN ('follow-up', 'other-sender')),
        ADD CONSTRAINT tickets_link_complete CHECK ((linked_ticket_id IS NULL) = (link_kind IS NULL))`);
    await queryRunner.query(`
      ALTER TABLE ticket_messages
        ADD COLUMN direction text NOT NULL DEFAULT 'inbound' CHECK (direction IN ('inbound', 'outbound')),
        ADD COLUMN author_kind text NOT NULL DEFAULT 'requester' CHECK (author_kind IN ('requester', 'cc', 'agent', 'system')),
        ADD COLUMN full_text text,
        ADD COLUMN body_html text,
        ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN automated_kind text,
        ADD COLUMN authentication jsonb,
        ADD COLUMN outbound_request_id uuid UNIQUE,
        ADD COLUMN delivery_status text CHECK (delivery_status IN ('queued', 'delivered', 'failed')),
        ADD COLUMN delivery_error text`);
    await queryRunner.query(`
      CREATE TABLE ticket_ccs (
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, email)
      )`);
    await queryRunner.query(`
      CREATE TABLE automatic_replies (
        id bigserial PRIMARY KEY,
        recipient text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX automatic_replies_recipient ON automatic_replies (recipient, sent_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE automatic_replies');
    await queryRunner.query('DROP TABLE ticket_ccs');
    await queryRunner.query(`
      ALTER TABLE ticket_messages
        DROP COLUMN direction, DROP COLUMN author_kind, DROP COLUMN full_text, DROP COLUMN body_html, DROP COLUMN attachments,
        DROP COLUMN automated_kind, DROP COLUMN authentication, DROP COLUMN outbound_request_id, DROP COLUMN delivery_status,
        DROP COLUMN delivery_error`);
    await queryRunner.query(
      'ALTER TABLE tickets DROP CONSTRAINT tickets_link_complete, DROP COLUMN link_kind, DROP COLUMN linked_ticket_id, DROP COLUMN category',
    );
  }
}
