import { MigrationInterface, QueryRunner } from 'typeorm';

export const UNASSIGNED_ORGANIZATION_NAME = 'Unassigned';

export class CreateIdentitySchema1763900000100 implements MigrationInterface {
  name = 'CreateIdentitySchema1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name))');
    await queryRunner.query('CREATE UNIQUE INDEX organizations_single_default ON organizations (is_default) WHERE is_default');
    await queryRunner.query(`
      CREATE TABLE organization_domains (
        domain text PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX organization_domains_organization ON organization_domains (organization_id)');
    await queryRunner.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        organization_id uuid NOT NULL REFERENCES organizations (id),
        source text NOT NULL CHECK (source IN ('email', 'agent', 'import')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX contacts_organization ON contacts (organization_id)');
    await queryRunner.query(`
      CREATE TABLE contact_emails (
        email text PRIMARY KEY CHECK (email = lower(email)),
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        is_primary boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX contact_emails_contact ON contact_emails (contact_id)');
    await queryRunner.query('CREATE UNIQUE INDEX contact_emails_one_primary ON contact_emails (contact_id) WHERE is_primary');
    await queryRunner.query('INSERT INTO organizations (name, is_default) VALUES ($1, true)', [UNASSIGNED_ORGANIZATION_NAME]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_emails');
    await queryRunner.query('DROP TABLE contacts');
    await queryRunner.query('DROP TABLE organization_domains');
    await queryRunner.query('DROP TABLE organizations');
  }
}
