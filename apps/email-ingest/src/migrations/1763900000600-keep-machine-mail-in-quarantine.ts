import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Machine mail that answers no ticket and reports on none of our mails is held in quarantine under its kind, with
 * the rule that recognised it; the retention sweep finds old held entries of a kind by the partial index.
 */
export class KeepMachineMailInQuarantine1763900000600 implements MigrationInterface {
  name = 'KeepMachineMailInQuarantine1763900000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE quarantined_messages DROP CONSTRAINT quarantined_messages_reason_check');
    await queryRunner.query(
      `ALTER TABLE quarantined_messages ADD CONSTRAINT quarantined_messages_reason_check
         CHECK (reason IN ('flood', 'dmarc-fail', 'loop', 'malformed', 'bounce', 'auto-reply', 'feedback-report', 'list'))`,
    );
    await queryRunner.query('ALTER TABLE quarantined_messages ADD COLUMN rule text');
    await queryRunner.query(
      `CREATE INDEX quarantined_messages_held_kind ON quarantined_messages (reason, created_at) WHERE status = 'held'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX quarantined_messages_held_kind');
    await queryRunner.query('ALTER TABLE quarantined_messages DROP COLUMN rule');
    await queryRunner.query(`DELETE FROM quarantined_messages WHERE reason IN ('bounce', 'auto-reply', 'feedback-report', 'list')`);
    await queryRunner.query('ALTER TABLE quarantined_messages DROP CONSTRAINT quarantined_messages_reason_check');
    await queryRunner.query(
      `ALTER TABLE quarantined_messages ADD CONSTRAINT quarantined_messages_reason_check
         CHECK (reason IN ('flood', 'dmarc-fail', 'loop', 'malformed'))`,
    );
  }
}
