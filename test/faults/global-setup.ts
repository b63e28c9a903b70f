import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resultsFileSetting } from './fault-table';

/** Gives the run a file the scenarios write their rows to; the test processes inherit the setting. */
export default function globalSetup(): void {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'helpgate-faults-')), 'rows.jsonl');
  writeFileSync(file, '');
  process.env[resultsFileSetting] = file;
}
