import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a contact last signed in to the portal, apart from `last_seen_at` (their last mail or chat), for agents to see. */
export class ContactLastSignIn1763900000210 implements MigrationInterface {
  name = 'ContactLastSignIn1763900000210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contacts ADD COLUMN last_signed_in_at timestamptz');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contacts DROP COLUMN last_signed_in_at');
  }
}
