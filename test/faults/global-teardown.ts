import { rmSync } from 'node:fs';
import path from 'node:path';
import { formatFaultTable, readFaultRows, resultsFileSetting } from './fault-table';

/** Prints the table of every scenario that ran, and fails the run when any lost or duplicated something. */
export default function globalTeardown(): void {
  const file = process.env[resultsFileSetting];
  if (!file) return;
  const rows = readFaultRows(file);
  rmSync(path.dirname(file), { recursive: true, force: true });
  if (rows.length === 0) return;
  process.stdout.write(`\nFault injection: what was sent and what became of it\n\n${formatFaultTable(rows)}\n\n`);
  const failed = rows.filter((row) => row.lost > 0 || row.duplicated > 0).map((row) => row.scenario);
  if (failed.length > 0) throw new Error(`Mail or contacts lost or duplicated in: ${failed.join(', ')}`);
}
