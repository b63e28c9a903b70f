import type { QueryRunner } from 'typeorm';

/** How Postgres compresses a large value of a column (TOAST): `default` is the server's (`pglz` unless configured). */
export type ColumnCompression = 'lz4' | 'default';

/**
 * For migrations: sets how values written from now on to the columns of `table` are compressed (stored values keep
 * theirs; nothing is rewritten). lz4 compresses and decompresses several times faster than pglz for about the same
 * size, which matters for columns every mail writes a few kilobytes to. A server built without lz4 keeps its default:
 * the change is a saving, never a requirement.
 */
export async function setColumnCompression(
  queryRunner: QueryRunner,
  table: string,
  columns: readonly string[],
  compression: ColumnCompression,
): Promise<void> {
  const alterations = columns.map((column) => `ALTER COLUMN ${column} SET COMPRESSION ${compression}`).join(', ');
  await queryRunner.query(`
    DO $$
    BEGIN
      ALTER TABLE ${table} ${alterations};
    EXCEPTION WHEN feature_not_supported THEN
      RAISE NOTICE 'compression method % not supported by this server; % keeps the default', '${compression}', '${table}';
    END $$`);
}
