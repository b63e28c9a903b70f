import { MigrationInterface, QueryRunner } from 'typeorm';

/** Service status notices: incidents (open until resolved) and their numbered, dated updates. */
export class StatusNotices1764000000820 implements MigrationInterface {
  name = 'StatusNotices1764000000820';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE status_incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        feature text NOT NULL,
        region text,
        status text NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
        opened_at timestamptz NOT NULL,
        resolved_at timestamptz,
        updated_at timestamptz NOT NULL,
        CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
      )`);
    // The status page and banner read the open incidents and the recently resolved ones.
    await queryRunner.query('CREATE INDEX status_incidents_open ON status_incidents (opened_at DESC) WHERE resolved_at IS NULL');
    await queryRunner.query('CREATE INDEX status_incidents_resolved ON status_incidents (resolved_at DESC) WHERE resolved_at IS NOT NULL');
    await queryRunner.query(`
      CREATE TABLE status_incident_updates (
        incident_id uuid NOT NULL REFERENCES status_incidents (id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position > 0),
        status text NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
        text text NOT NULL,
        posted_at timestamptz NOT NULL,
        PRIMARY KEY (incident_id, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE status_incident_updates');
    await queryRunner.query('DROP TABLE status_incidents');
  }
}
