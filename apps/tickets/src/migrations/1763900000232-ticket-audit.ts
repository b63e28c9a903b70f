import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every change to a ticket, who made it and when: opened, fields changed (from, to), a message added. */
export class TicketAudit1763900000232 implements MigrationInterface {
  name = 'TicketAudit1763900000232';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_audit (
        id bigserial PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('created', 'updated', 'message_added')),
        actor_type text NOT NULL CHECK (actor_type IN ('agent', 'contact', 'rule', 'system')),
        actor_id uuid,
        changes jsonb NOT NULL DEFAULT '[]'::jsonb,
        message jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ticket_audit_actor_named CHECK ((actor_type = 'system') = (actor_id IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX ticket_audit_ticket ON ticket_audit (ticket_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE ticket_audit');
  }
}
