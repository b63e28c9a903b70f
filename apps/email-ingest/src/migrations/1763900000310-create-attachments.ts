import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAttachments1763900000310 implements MigrationInterface {
  name = 'CreateAttachments1763900000310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE attachments (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes integer NOT NULL,
        content_type text NOT NULL,
        filename text NOT NULL,
        content bytea NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE inbound_message_attachments (
        inbound_message_id uuid NOT NULL REFERENCES inbound_messages (id) ON DELETE CASCADE,
        attachment_sha256 text NOT NULL REFERENCES attachments (sha256),
        position integer NOT NULL,
        filename text NOT NULL,
        PRIMARY KEY (inbound_message_id, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbound_message_attachments');
    await queryRunner.query('DROP TABLE attachments');
  }
}
