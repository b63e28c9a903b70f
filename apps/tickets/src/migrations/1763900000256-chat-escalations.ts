import { MigrationInterface, QueryRunner } from 'typeorm';

/** The ticket each escalated conversation became: one, however often the escalation arrives. */
export class ChatEscalations1763900000256 implements MigrationInterface {
  name = 'ChatEscalations1763900000256';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE chat_escalation_tickets (
        conversation_id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL UNIQUE REFERENCES tickets (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE chat_escalation_tickets');
  }
}
