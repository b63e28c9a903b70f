import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files given with tickets opened through the API, stored once by sha256. Mail attachments stay in email-ingest,
 * which received them; these never pass through it.
 */
export class UploadedAttachments1763900000234 implements MigrationInterface {
  name = 'UploadedAttachments1763900000234';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE uploaded_attachments (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes = octet_length(content)),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE uploaded_attachments');
  }
}
