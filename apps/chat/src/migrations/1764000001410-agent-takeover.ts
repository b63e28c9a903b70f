import { MigrationInterface, QueryRunner } from 'typeorm';

/** An agent may take a conversation over from the AI agent: `agent_takeover` becomes a handoff reason. */
export class AgentTakeover1764000001410 implements MigrationInterface {
  name = 'AgentTakeover1764000001410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE conversations DROP CONSTRAINT conversations_ai_handover_reason_check,
        ADD CONSTRAINT conversations_ai_handover_reason_check
          CHECK (ai_handover_reason IN ('visitor_asked', 'low_confidence', 'provider_failure', 'model_requested', 'agent_takeover'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The older schema cannot say an agent took over: those conversations keep their agent and lose the reason.
    await queryRunner.query(`UPDATE conversations SET ai_handover_reason = NULL WHERE ai_handover_reason = 'agent_takeover'`);
    await queryRunner.query(`
      ALTER TABLE conversations DROP CONSTRAINT conversations_ai_handover_reason_check,
        ADD CONSTRAINT conversations_ai_handover_reason_check
          CHECK (ai_handover_reason IN ('visitor_asked', 'low_confidence', 'provider_failure', 'model_requested'))`);
  }
}
