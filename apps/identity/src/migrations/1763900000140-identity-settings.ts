import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentitySettings1763900000140 implements MigrationInterface {
  name = 'IdentitySettings1763900000140';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per changed setting; a setting without a row has its default (some come from the environment).
    await queryRunner.query(`
      CREATE TABLE identity_settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE identity_settings_audit (
        id bigserial PRIMARY KEY,
        actor text NOT NULL,
        setting text NOT NULL,
        old_value jsonb NOT NULL,
        new_value jsonb NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX identity_settings_audit_newest ON identity_settings_audit (changed_at DESC, id DESC)');
    await queryRunner.query('ALTER TABLE contacts ADD COLUMN welcome_mail_sent_at timestamptz');
    await queryRunner.query(`
      CREATE TABLE unknown_sender_mail (
        inbound_message_id uuid PRIMARY KEY,
        sender text NOT NULL,
        subject text NOT NULL,
        received_at timestamptz NOT NULL,
        event jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX unknown_sender_mail_newest ON unknown_sender_mail (received_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE unknown_sender_mail');
    await queryRunner.query('ALTER TABLE contacts DROP COLUMN welcome_mail_sent_at');
    await queryRunner.query('DROP TABLE identity_settings_audit');
    await queryRunner.query('DROP TABLE identity_settings');
  }
}
