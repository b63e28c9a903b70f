// The help center's browser code (apps/chat/web/help-center) into dist/web/help-center/, which chat serves.
// `node scripts/build-web.mjs [outdir]` rebuilds it alone (about a second) while working on the panel, or elsewhere
// (chat's integration test bundles into a folder of its own).
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

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildHelpCenter(process.argv[2]);
