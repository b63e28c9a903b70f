import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The addresses of erased contacts, kept only as the sha256 of the address, with the time of the erasure: mail from
 * one of them received before that time but handled after it makes no contact again.
 */
export class ErasedAddresses1763900000198 implements MigrationInterface {
  name = 'ErasedAddresses1763900000198';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE erased_addresses (
        address_sha256 text PRIMARY KEY CHECK (address_sha256 ~ '^[0-9a-f]{64}$'),
        erased_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE erased_addresses');
  }
}
