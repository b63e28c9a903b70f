import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts may be created for the address a customer gave on the help center's "contact customer success" form. */
export class WebFormContacts1763900000199 implements MigrationInterface {
  name = 'WebFormContacts1763900000199';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contacts DROP CONSTRAINT contacts_source_check');
    await queryRunner.query(
      `ALTER TABLE contacts ADD CONSTRAINT contacts_source_check CHECK (source IN ('email', 'agent', 'import', 'chat', 'web'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Before the form, a contact created for an address a customer gave would have come from that address's mail.
    await queryRunner.query(`UPDATE contacts SET source = 'email' WHERE source = 'web'`);
    await queryRunner.query('ALTER TABLE contacts DROP CONSTRAINT contacts_source_check');
    await queryRunner.query(
      `ALTER TABLE contacts ADD CONSTRAINT contacts_source_check CHECK (source IN ('email', 'agent', 'import', 'chat'))`,
    );
  }
}
