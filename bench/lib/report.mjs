// BENCHMARKS.md: each benchmark owns the part between its two markers and rewrites only that part, so
// benchmarks run alone keep the others' results, and the prose around the markers stays as written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

export const benchmarksFile = path.join(repoRoot, 'BENCHMARKS.md');

const markers = (name) => [`<!-- bench:${name}:start -->`, `<!-- bench:${name}:end -->`];

export function writeSection(name, markdown) {
  const [start, end] = markers(name);
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(benchmarksFile, next);
}

export function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
