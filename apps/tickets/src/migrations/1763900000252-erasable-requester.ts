import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ticket outlives its requester's personal data: once identity erased the contact, the ticket keeps no address of
 * it. Messages are found by their author contact, to erase or move them with the contact.
 */
export class ErasableRequester1763900000252 implements MigrationInterface {
  name = 'ErasableRequester1763900000252';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE tickets ALTER COLUMN requester_email DROP NOT NULL');
    await queryRunner.query(
      'CREATE INDEX ticket_messages_author_contact ON ticket_messages (author_contact_id) WHERE author_contact_id IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ticket_messages_author_contact');
    await queryRunner.query("UPDATE tickets SET requester_email = '' WHERE requester_email IS NULL");
    await queryRunner.query('ALTER TABLE tickets ALTER COLUMN requester_email SET NOT NULL');
  }
}
