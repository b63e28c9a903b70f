import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSettingsTables, dropSettingsTables } from '@helpgate/platform';

const helpCenterSettingsTables = { values: 'help_center_settings', audit: 'help_center_settings_audit' };

/** The help center's settings (a row per changed setting, the others have their defaults), their audit, and uploaded logos. */
export class HelpCenter1764000000950 implements MigrationInterface {
  name = 'HelpCenter1764000000950';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createSettingsTables(queryRunner, helpCenterSettingsTables);
    await queryRunner.query(`
      CREATE TABLE help_center_logos (
        sha256 text PRIMARY KEY,
        content_type text NOT NULL,
        content bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE help_center_logos');
    await dropSettingsTables(queryRunner, helpCenterSettingsTables);
  }
}
