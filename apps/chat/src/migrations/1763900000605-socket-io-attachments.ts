import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table the socket.io Postgres adapter keeps broadcasts in that are too large for a NOTIFY (over 8,000 bytes)
 * or carry binary data; the adapter deletes its rows after 30 seconds. Its shape is the adapter's own
 * (`@socket.io/postgres-adapter`'s README), which reads and writes it by these column names.
 */
export class SocketIoAttachments1763900000605 implements MigrationInterface {
  name = 'SocketIoAttachments1763900000605';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE socket_io_attachments');
  }
}
