import type { QueryRunner } from 'typeorm';

/**
 * For migrations of stored documents (a jsonb column holding events): rewrites the column of every row, keyed by
 * `keyColumn`, with `rewrite`, a page of rows at a time so a large table is never held in memory at once.
 */
export async function rewriteJsonColumn<T>(
  queryRunner: QueryRunner,
  table: string,
  keyColumn: string,
  column: string,
  rewrite: (document: T) => T,
): Promise<void> {
  const pageSize = 500;
  let after: string | null = null;
  for (;;) {
    const rows = (await queryRunner.query(
      `SELECT ${keyColumn}::text AS key, ${column} AS document FROM ${table}
        WHERE $1::text IS NULL OR ${keyColumn}::text > $1 ORDER BY ${keyColumn}::text LIMIT ${pageSize}`,
      [after],
    )) as { key: string; document: T }[];
    if (rows.length === 0) return;
    await queryRunner.query(
      `UPDATE ${table} SET ${column} = rewritten.document
         FROM jsonb_to_recordset($1::jsonb) AS rewritten(key text, document jsonb)
        WHERE ${table}.${keyColumn}::text = rewritten.key`,
      [JSON.stringify(rows.map(({ key, document }) => ({ key, document: rewrite(document) })))],
    );
    after = rows[rows.length - 1].key;
  }
}
