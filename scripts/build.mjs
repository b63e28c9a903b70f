// Builds every app into dist/apps/<app>/main.js with the Nest CLI (webpack, node_modules kept external), and the
// browser front-ends chat serves into dist/web/ (esbuild).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from './build-web.mjs';

export const apps = ['email-ingest', 'identity', 'tickets', 'chat'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nest = join(root, 'node_modules', '.bin', 'nest');

for (const app of apps) {
  const result = spawnSync(nest, ['build', app], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build of ${app} failed`);
    process.exit(result.status ?? 1);
  }
}
await buildWeb();
