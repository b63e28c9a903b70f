// chat's browser code into dist/web/, which chat serves: the help center (apps/chat/web/help-center) and the agent
// console (apps/chat/web/console). `node scripts/build-web.mjs` rebuilds both (a second or two) while working on them;
// `node scripts/build-web.mjs <outdir>` the help center alone into that folder (chat's integration test bundles its own).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWebApp } from './lib/web-bundles.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function buildHelpCenter(outdir) {
  return bundleWebApp({
    outdir,
    name: 'help-center',
    repoRoot,
    tsconfig: 'apps/chat/web/tsconfig.json',
    // The loader's URL is in every host page, so its name never changes; the panel's files are content-hashed.
    fixed: { 'widget.js': 'apps/chat/web/help-center/loader/widget.ts' },
    hashed: { panel: 'apps/chat/web/help-center/panel/main.tsx' },
  });
}

export function buildConsole() {
  return bundleWebApp({
    name: 'console',
    repoRoot,
    tsconfig: 'apps/chat/web/tsconfig.json',
    hashed: { console: 'apps/chat/web/console/main.tsx' },
  });
}

export async function buildWeb() {
  await buildHelpCenter();
  await buildConsole();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await (process.argv[2] ? buildHelpCenter(process.argv[2]) : buildWeb());
