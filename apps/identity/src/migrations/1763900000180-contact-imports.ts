import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactImports1763900000180 implements MigrationInterface {
  name = 'ContactImports1763900000180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contact_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        unknown_columns text[] NOT NULL DEFAULT '{}'
      )`);
    // email is erased (null) with the personal data of the contact the row is about.
    await queryRunner.query(`
      CREATE TABLE contact_import_rows (
        import_id uuid NOT NULL REFERENCES contact_imports (id) ON DELETE CASCADE,
        line integer NOT NULL CHECK (line > 1),
        email text,
        outcome text NOT NULL CHECK (outcome IN ('created', 'updated', 'unchanged', 'refused')),
        contact_id uuid REFERENCES contacts (id),
        reason text,
        PRIMARY KEY (import_id, line),
        CHECK ((outcome = 'refused') = (contact_id IS NULL)),
        CHECK ((outcome = 'refused') = (reason IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX contact_import_rows_contact ON contact_import_rows (contact_id) WHERE contact_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_import_rows');
    await queryRunner.query('DROP TABLE contact_imports');
  }
}
