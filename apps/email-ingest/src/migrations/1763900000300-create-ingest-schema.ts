import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIngestSchema1763900000300 implements MigrationInterface {
  name = 'CreateIngestSchema1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE raw_messages (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size_bytes integer NOT NULL,
        content bytea NOT NULL,
        first_received_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE inbound_messages (
        id uuid PRIMARY KEY,
        raw_sha256 text NOT NULL REFERENCES raw_messages (sha256),
        message_id text NOT NULL,
        envelope_from text,
        envelope_to text[] NOT NULL,
        remote_address text,
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX inbound_messages_message_id ON inbound_messages (message_id)');
    await queryRunner.query('CREATE INDEX inbound_messages_raw ON inbound_messages (raw_sha256)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE inbound_messages');
    await queryRunner.query('DROP TABLE raw_messages');
  }
}
