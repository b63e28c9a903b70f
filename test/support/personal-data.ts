import type { Client } from 'pg';

export interface PersonalDataFound {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

interface SearchedColumn {
  table: string;
  column: string;
  binary: boolean;
}

/**
 * Where a database still holds any of the needles (an address, a name), case-insensitively: every column of every
 * table of the public schema whose values read as text (text, varchar, char, json, jsonb, arrays of those, enums) and
 * every bytea column (raw messages, attachments, files), read as bytes. Tables added later are searched too.
 */
export async function findPersonalData(database: Client, needles: readonly string[]): Promise<PersonalDataFound[]> {
  const { rows: columns } = await database.query<SearchedColumn>(
    `SELECT c.table_name AS table, c.column_name AS column, c.data_type = 'bytea' AS binary
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'USER-DEFINED')
             OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar', '_json', '_jsonb')))
      ORDER BY 1, 2`,
  );
  const found: PersonalDataFound[] = [];
  for (const { table, column, binary } of columns) {
    // bytea as escaped text keeps ASCII as it is, so an address or name in a raw message or a file is found as written.
    const value = binary ? `encode(${quoted(column)}, 'escape')` : `${quoted(column)}::text`;
    for (const needle of needles) {
      const { rows } = await database.query<{ count: string }>(
        `SELECT count(*) FROM ${quoted(table)} WHERE position(lower($1) IN lower(${value})) > 0`,
        [needle],
      );
      const count = Number(rows[0].count);
      if (count > 0) found.push({ table, column, needle, rows: count });
    }
  }
  return found;
}

function quoted(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
