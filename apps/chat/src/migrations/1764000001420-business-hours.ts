import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSettingsTables, dropSettingsTables } from '@helpgate/platform';

const businessHoursTables = { values: 'business_hours_settings', audit: 'business_hours_settings_audit' };

/** Business hours admins change through the API (a part without a row keeps the configuration's), and their audit. */
export class BusinessHours1764000001420 implements MigrationInterface {
  name = 'BusinessHours1764000001420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createSettingsTables(queryRunner, businessHoursTables);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSettingsTables(queryRunner, businessHoursTables);
  }
}
