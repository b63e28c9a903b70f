import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactProfile1763900000130 implements MigrationInterface {
  name = 'ContactProfile1763900000130';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE contacts
        ADD COLUMN first_name text,
        ADD COLUMN last_name text,
        ADD COLUMN language text,
        ADD COLUMN time_zone text,
        ADD COLUMN details text CHECK (length(details) <= 2000),
        ADD COLUMN notes text CHECK (length(notes) <= 10000),
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 50),
        ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
        ADD COLUMN last_seen_at timestamptz`);
    // As the application splits a name given whole (nameFromFullName): first word, then the rest.
    await queryRunner.query(`
      UPDATE contacts SET
        first_name = nullif(split_part(btrim(name), ' ', 1), ''),
        last_name = nullif(btrim(substr(btrim(name), length(split_part(btrim(name), ' ', 1)) + 1)), '')`);
    await queryRunner.query('CREATE INDEX contacts_tags ON contacts USING gin (tags)');
    await queryRunner.query('ALTER TABLE contact_emails ADD COLUMN verified_at timestamptz');
    await queryRunner.query(`
      CREATE TABLE contact_phones (
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        number text NOT NULL CHECK (number ~ '^\\+?[0-9]{6,15}$'),
        kind text NOT NULL CHECK (kind IN ('direct', 'shared')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contact_id, number)
      )`);
    await queryRunner.query('CREATE INDEX contact_phones_number ON contact_phones (number)');
    await queryRunner.query("CREATE UNIQUE INDEX contact_phones_direct_number ON contact_phones (number) WHERE kind = 'direct'");
    await queryRunner.query(`
      CREATE TABLE contact_organizations (
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        is_primary_contact boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contact_id, organization_id)
      )`);
    await queryRunner.query('CREATE INDEX contact_organizations_organization ON contact_organizations (organization_id)');
    await queryRunner.query('INSERT INTO contact_organizations (contact_id, organization_id) SELECT id, organization_id FROM contacts');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_organizations');
    await queryRunner.query('DROP TABLE contact_phones');
    await queryRunner.query('ALTER TABLE contact_emails DROP COLUMN verified_at');
    await queryRunner.query('DROP INDEX contacts_tags');
    await queryRunner.query(`
      ALTER TABLE contacts
        DROP COLUMN last_seen_at, DROP COLUMN status, DROP COLUMN tags, DROP COLUMN notes, DROP COLUMN details,
        DROP COLUMN time_zone, DROP COLUMN language, DROP COLUMN last_name, DROP COLUMN first_name`);
  }
}
