import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '..');
/** Everything a benchmark run creates on disk; git-ignored with the rest of .infra. */
export const workDir = path.join(repoRoot, '.infra', 'bench');
