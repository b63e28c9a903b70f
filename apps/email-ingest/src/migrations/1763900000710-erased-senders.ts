import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The addresses of erased contacts, kept only as the sha256 of the address (never the address itself), with the time
 * of the erasure: mail from one of them accepted before that time but read after it is erased when it is read.
 */
export class ErasedSenders1763900000710 implements MigrationInterface {
  name = 'ErasedSenders1763900000710';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE erased_senders (
        address_sha256 text PRIMARY KEY CHECK (address_sha256 ~ '^[0-9a-f]{64}$'),
        erased_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE erased_senders');
  }
}
