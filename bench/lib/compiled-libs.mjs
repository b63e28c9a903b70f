// Parts of the project's own libraries the plain-Node benchmarks need, compiled with the project's
// TypeScript into .infra/bench: the event contracts (so events are built with the very zod schemas the
// services validate with) and libs/auth's token signing (so API calls carry tokens the services accept).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot, workDir } from './paths.mjs';

const loaded = new Map();

function compiled(lib, file) {
  const outDir = path.join(workDir, 'libs', lib);
  if (!loaded.has(lib)) {
    execFileSync(
      path.join(repoRoot, 'node_modules', '.bin', 'tsc'),
      // rootDir fixed at libs/: a library that imports another (auth does errors) would otherwise move its output
      // one level down, under <lib>/src.
      [
        '-p',
        path.join(repoRoot, 'libs', lib, 'tsconfig.lib.json'),
        '--rootDir',
        path.join(repoRoot, 'libs'),
        '--outDir',
        outDir,
        '--sourceMap',
        'false',
      ],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    loaded.set(lib, true);
  }
  const module = path.join(outDir, lib, 'src', file);
  return createRequire(module)(module);
}

export function loadContracts() {
  return compiled('contracts', 'index.js');
}

/** `signToken` and `keyIdOf` alone: the module needs zod only, not Nest. */
export function loadTokenSigning() {
  return compiled('auth', 'signed-token.js');
}
