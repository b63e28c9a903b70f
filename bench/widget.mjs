// npm run bench -- widget: what the help center costs a host page, measured on the build in dist/web/help-center.
// The loader is what every page view of the host site downloads; the panel only when a visitor opens the launcher.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { repoRoot } from './lib/paths.mjs';
import { table } from './lib/report.mjs';

const folder = path.join(repoRoot, 'dist', 'web', 'help-center');
const targetBytes = 50 * 1024;
/** Chatwoot's widget as its users measure it (issue 16): about 170 KB transferred before the page can use it. */
const chatwootBytes = 170 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function sizes(files) {
  const contents = files.map((file) => readFileSync(path.join(folder, file)));
  const sum = (measure) => contents.reduce((total, content) => total + measure(content), 0);
  return {
    raw: sum((content) => content.length),
    gzip: sum((content) => gzipSync(content, { level: 9 }).length),
    brotli: sum((content) => brotliCompressSync(content).length),
  };
}

/** The bundle's bytes by npm package (the app's own code as "help center"), from esbuild's metafile. */
function composition(metafile) {
  const byPackage = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'help center (apps/chat/web)';
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
}

export async function widgetBenchmark({ log }) {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
  const metafiles = JSON.parse(readFileSync(path.join(folder, 'metafiles.json'), 'utf8'));
  const panel = manifest.hashed.panel;
  const rows = [
    ['loader `widget.js` (every page view)', sizes(['widget.js'])],
    ['panel script + style (on first open)', sizes([panel.script, panel.style].filter(Boolean))],
  ].map(([name, size]) => [
    name,
    kb(size.raw),
    kb(size.gzip),
    kb(size.brotli),
    size.gzip < targetBytes ? 'met' : 'missed',
    `${((size.gzip / chatwootBytes) * 100).toFixed(0)} %`,
  ]);
  log(rows.map((row) => row.join('  ')).join('\n'));
  const parts = composition(metafiles.panel).map(([name, bytes]) => [name, kb(bytes)]);
  return {
    markdown: [
      `Built by \`npm run build\` (esbuild, minified, for Chrome/Edge/Firefox 100+ and Safari 15+). Gzip at level 9 and Brotli at its default, as a server or CDN would send them.`,
      '',
      table(['what', 'raw', 'gzip', 'brotli', 'target < 50 KB gzipped', 'of Chatwoot’s ~170 KB'], rows),
      '',
      'The panel’s script by package (minified bytes before compression):',
      '',
      table(['package', 'bytes'], parts),
    ].join('\n'),
  };
}
