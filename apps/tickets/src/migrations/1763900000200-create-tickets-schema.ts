import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicketsSchema1763900000200 implements MigrationInterface {
  name = 'CreateTicketsSchema1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SEQUENCE ticket_number_seq START 1');
    await queryRunner.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint NOT NULL UNIQUE DEFAULT nextval('ticket_number_seq'),
        subject text NOT NULL,
        status text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on-hold', 'solved', 'closed')),
        channel text NOT NULL CHECK (channel IN ('email', 'chat', 'web')),
        requester_contact_id uuid NOT NULL,
        requester_email text NOT NULL,
        requester_name text NOT NULL,
        organization_id uuid NOT NULL,
        organization_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('ALTER SEQUENCE ticket_number_seq OWNED BY tickets.number');
    await queryRunner.query('CREATE INDEX tickets_requester_email ON tickets (requester_email, created_at DESC)');
    await queryRunner.query('CREATE INDEX tickets_requester_contact ON tickets (requester_contact_id)');
    await queryRunner.query('CREATE INDEX tickets_status ON tickets (status, created_at DESC)');
    await queryRunner.query(`
      CREATE TABLE ticket_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        mail_message_id text UNIQUE,
        inbound_message_id uuid,
        author_contact_id uuid,
        author_email text,
        author_name text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
        body_text text NOT NULL,
        raw_message_sha256 text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ticket_messages');
    await queryRunner.query('DROP TABLE tickets');
  }
}
