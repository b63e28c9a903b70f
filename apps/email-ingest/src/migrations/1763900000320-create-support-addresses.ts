import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSupportAddresses1763900000320 implements MigrationInterface {
  name = 'CreateSupportAddresses1763900000320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE support_addresses (
        address text PRIMARY KEY CHECK (address = lower(address) AND position('+' in split_part(address, '@', 1)) = 0),
        default_category text CHECK (length(default_category) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE support_addresses');
  }
}
