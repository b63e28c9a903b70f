import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the AI agent keeps per conversation: its low-confidence answers in a row, and why it handed over. */
export class AiAgent1764000000900 implements MigrationInterface {
  name = 'AiAgent1764000000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE conversations
        ADD COLUMN ai_low_confidence_streak integer NOT NULL DEFAULT 0 CHECK (ai_low_confidence_streak >= 0),
        ADD COLUMN ai_handover_reason text
          CHECK (ai_handover_reason IN ('visitor_asked', 'low_confidence', 'provider_failure', 'model_requested'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE conversations DROP COLUMN ai_handover_reason, DROP COLUMN ai_low_confidence_streak');
  }
}
