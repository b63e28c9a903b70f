import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contacts identity erased, by id alone (no address, no name): an identity event about one of them that chat
 * handles after the erasure (a late `identity.chat-requester.resolved.v1`, a `identity.contact.changed.v1` published
 * before it) must not teach chat the person's name and address again.
 */
export class ErasedContacts1764000001400 implements MigrationInterface {
  name = 'ErasedContacts1764000001400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE chat_erased_contacts (
        contact_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE chat_erased_contacts');
  }
}
