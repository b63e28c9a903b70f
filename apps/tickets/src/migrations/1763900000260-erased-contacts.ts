import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contacts identity erased, by id alone (no address, no name): mail resolved for one of them before its erasure
 * but handled here after it must not copy the person back onto a ticket or into the directory.
 */
export class ErasedContacts1763900000260 implements MigrationInterface {
  name = 'ErasedContacts1763900000260';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE erased_contacts (
        contact_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE erased_contacts');
  }
}
