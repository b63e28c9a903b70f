import { MigrationInterface, QueryRunner } from 'typeorm';
import { setColumnCompression } from '@helpgate/database';

/**
 * Every distinct mail stores its raw message (and each new attachment) once: compressed with lz4 rather than pglz,
 * the store costs Postgres a fraction of the CPU, and so does reading the raw message back to parse it after the 250.
 */
export class CompressStoredMailWithLz41763900000730 implements MigrationInterface {
  name = 'CompressStoredMailWithLz41763900000730';

  async up(queryRunner: QueryRunner): Promise<void> {
    await setColumnCompression(queryRunner, 'raw_messages', ['content'], 'lz4');
    await setColumnCompression(queryRunner, 'attachments', ['content'], 'lz4');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await setColumnCompression(queryRunner, 'attachments', ['content'], 'default');
    await setColumnCompression(queryRunner, 'raw_messages', ['content'], 'default');
  }
}
