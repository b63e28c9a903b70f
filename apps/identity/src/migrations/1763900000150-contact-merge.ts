import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactMerge1763900000150 implements MigrationInterface {
  name = 'ContactMerge1763900000150';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE contacts
        ADD COLUMN merged_into_id uuid REFERENCES contacts (id),
        ADD COLUMN merged_at timestamptz,
        ADD CONSTRAINT contacts_merge_complete CHECK ((merged_into_id IS NULL) = (merged_at IS NULL)),
        ADD CONSTRAINT contacts_not_merged_into_itself CHECK (merged_into_id <> id)`);
    await queryRunner.query('CREATE INDEX contacts_merged_into ON contacts (merged_into_id) WHERE merged_into_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX contacts_merged_into');
    await queryRunner.query(`
      ALTER TABLE contacts
        DROP CONSTRAINT contacts_not_merged_into_itself, DROP CONSTRAINT contacts_merge_complete,
        DROP COLUMN merged_at, DROP COLUMN merged_into_id`);
  }
}
