import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactAnonymization1763900000170 implements MigrationInterface {
  name = 'ContactAnonymization1763900000170';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contacts ADD COLUMN anonymized_at timestamptz');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contacts DROP COLUMN anonymized_at');
  }
}
