import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSettingsTables, dropSettingsTables } from '@helpgate/platform';

const identitySettingsTables = { values: 'identity_settings', audit: 'identity_settings_audit' };

export class IdentitySettings1763900000140 implements MigrationInterface {
  name = 'IdentitySettings1763900000140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createSettingsTables(queryRunner, identitySettingsTables);
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
    await dropSettingsTables(queryRunner, identitySettingsTables);
  }
}
