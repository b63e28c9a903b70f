import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateQuarantine1763900000330 implements MigrationInterface {
  name = 'CreateQuarantine1763900000330';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE inbound_messages ADD COLUMN sender text NOT NULL DEFAULT ''`);
    await queryRunner.query('CREATE INDEX inbound_messages_sender_recent ON inbound_messages (sender, received_at)');
    await queryRunner.query(`
      CREATE TABLE quarantined_messages (
        inbound_message_id uuid PRIMARY KEY REFERENCES inbound_messages (id),
        reason text NOT NULL CHECK (reason IN ('flood', 'dmarc-fail', 'loop')),
        status text NOT NULL CHECK (status IN ('held', 'released', 'deleted')),
        event jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX quarantined_messages_status ON quarantined_messages (status, created_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE quarantined_messages');
    await queryRunner.query('DROP INDEX inbound_messages_sender_recent');
    await queryRunner.query('ALTER TABLE inbound_messages DROP COLUMN sender');
  }
}
