// The event contracts of libs/contracts, compiled with the project's TypeScript into .infra/bench so the
// plain-Node benchmarks build their events with the very zod schemas the services validate with.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot, workDir } from './paths.mjs';

let contracts;

export function loadContracts() {
  if (contracts) return contracts;
  const outDir = path.join(workDir, 'contracts');
  execFileSync(
    path.join(repoRoot, 'node_modules', '.bin', 'tsc'),
    ['-p', path.join(repoRoot, 'libs', 'contracts', 'tsconfig.lib.json'), '--outDir', outDir, '--sourceMap', 'false'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  contracts = createRequire(path.join(outDir, 'index.js'))(path.join(outDir, 'index.js'));
  return contracts;
}
