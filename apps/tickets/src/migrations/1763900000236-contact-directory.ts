import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What tickets knows of identity's contacts, from its events, so a ticket opened through the API finds its requester
 * and organization by contact id or by any address the contact wrote from. `known_at` is when identity said it, so an
 * older event arriving late never overwrites a newer one.
 */
export class ContactDirectory1763900000236 implements MigrationInterface {
  name = 'ContactDirectory1763900000236';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY,
        email text CHECK (email = lower(email)),
        name text NOT NULL,
        organization_id uuid NOT NULL,
        organization_name text NOT NULL,
        merged_into_id uuid,
        known_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE contact_addresses (
        email text PRIMARY KEY CHECK (email = lower(email)),
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        known_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX contact_addresses_contact ON contact_addresses (contact_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_addresses');
    await queryRunner.query('DROP TABLE contacts');
  }
}
