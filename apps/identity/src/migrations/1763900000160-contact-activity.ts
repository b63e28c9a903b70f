import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactActivity1763900000160 implements MigrationInterface {
  name = 'ContactActivity1763900000160';

  async up(queryRunner: QueryRunner): Promise<void> {
    // clock_timestamp(), not now(): entries written in one transaction still keep the order they were recorded in.
    await queryRunner.query(`
      CREATE TABLE contact_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL REFERENCES contacts (id),
        kind text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query('CREATE INDEX contact_activities_timeline ON contact_activities (contact_id, occurred_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE contact_activities');
  }
}
