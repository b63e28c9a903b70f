import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An accepted message whose processing was dead-lettered is held under `processing-failed`, with the accepted event,
 * so that releasing it reads it again.
 */
export class QuarantineMailWhoseProcessingFailed1763900000700 implements MigrationInterface {
  name = 'QuarantineMailWhoseProcessingFailed1763900000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE quarantined_messages DROP CONSTRAINT quarantined_messages_reason_check');
    await queryRunner.query(
      `ALTER TABLE quarantined_messages ADD CONSTRAINT quarantined_messages_reason_check
         CHECK (reason IN ('flood', 'dmarc-fail', 'loop', 'malformed', 'bounce', 'auto-reply', 'feedback-report', 'list', 'processing-failed'))`,
    );
    await queryRunner.query('ALTER TABLE quarantined_messages ADD COLUMN accepted_event jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM quarantined_messages WHERE reason = 'processing-failed'`);
    await queryRunner.query('ALTER TABLE quarantined_messages DROP COLUMN accepted_event');
    await queryRunner.query('ALTER TABLE quarantined_messages DROP CONSTRAINT quarantined_messages_reason_check');
    await queryRunner.query(
      `ALTER TABLE quarantined_messages ADD CONSTRAINT quarantined_messages_reason_check
         CHECK (reason IN ('flood', 'dmarc-fail', 'loop', 'malformed', 'bounce', 'auto-reply', 'feedback-report', 'list'))`,
    );
  }
}
