import { MigrationInterface, QueryRunner } from 'typeorm';
import { setColumnCompression } from '@helpgate/database';

/**
 * Each mail filed on a ticket writes its text (with its full text and HTML where they differ) and the text's search
 * vector: kilobytes per message, compressed with lz4 rather than pglz, for a fraction of Postgres's CPU.
 */
export class CompressMessageTextsWithLz41763900000280 implements MigrationInterface {
  name = 'CompressMessageTextsWithLz41763900000280';

  async up(queryRunner: QueryRunner): Promise<void> {
    await setColumnCompression(queryRunner, 'ticket_messages', ['body_text', 'full_text', 'body_html', 'body_search'], 'lz4');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await setColumnCompression(queryRunner, 'ticket_messages', ['body_text', 'full_text', 'body_html', 'body_search'], 'default');
  }
}
