import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What automation rules do shows on the ticket: the messages a rule wrote name it, and the history records an action
 * a rule asked for that could not be applied (a status move the transitions forbid) or a rule that failed, with why.
 */
export class RuleHistory1763900000244 implements MigrationInterface {
  name = 'RuleHistory1763900000244';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ticket_messages
        ADD COLUMN author_rule_id uuid,
        ADD CONSTRAINT ticket_messages_rule_is_system CHECK (author_rule_id IS NULL OR author_kind = 'system')`);
    await queryRunner.query('ALTER TABLE ticket_audit ADD COLUMN note text');
    await queryRunner.query('ALTER TABLE ticket_audit DROP CONSTRAINT ticket_audit_action_check');
    await queryRunner.query(`
      ALTER TABLE ticket_audit ADD CONSTRAINT ticket_audit_action_check
        CHECK (action IN ('created', 'updated', 'message_added', 'rule_action_skipped', 'rule_failed'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM ticket_audit WHERE action IN ('rule_action_skipped', 'rule_failed')");
    await queryRunner.query('ALTER TABLE ticket_audit DROP CONSTRAINT ticket_audit_action_check');
    await queryRunner.query(
      "ALTER TABLE ticket_audit ADD CONSTRAINT ticket_audit_action_check CHECK (action IN ('created', 'updated', 'message_added'))",
    );
    await queryRunner.query('ALTER TABLE ticket_audit DROP COLUMN note');
    await queryRunner.query('ALTER TABLE ticket_messages DROP COLUMN author_rule_id');
  }
}
