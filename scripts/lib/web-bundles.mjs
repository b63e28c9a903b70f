// Bundles the browser front-ends served by the services (esbuild; nothing loaded at run time from elsewhere).
// Each front-end gets a folder under dist/web/<name>/ with a manifest.json naming its files, so the service that
// serves it can answer fixed URLs (a loader a host page embeds) and content-hashed ones (cached for good).
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const browsers = ['chrome100', 'firefox100', 'safari15', 'edge100'];

/**
 * `fixed`: entry points served under a stable name (`{ 'widget.js': 'src/loader.ts' }`), a script host pages embed;
 * `hashed`: entry points whose outputs (script and the CSS they import) get a content hash in their name.
 * `outdir` defaults to dist/web/<name>. Answers the manifest it wrote: `{ fixed: { name: file }, hashed: { entry: { script, style? } } }`.
 */
export async function bundleWebApp({
  name,
  repoRoot,
  tsconfig,
  fixed = {},
  hashed = {},
  outdir = path.join(repoRoot, 'dist', 'web', name),
}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    format: 'iife',
    target: browsers,
    tsconfig: path.join(repoRoot, tsconfig),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
  };
  const manifest = { fixed: {}, hashed: {} };
  // What each bundle is made of (esbuild's metafile), for the payload benchmark; never served.
  const metafiles = {};
  for (const [outputName, entry] of Object.entries(fixed)) {
    const result = await build({
      ...common,
      entryPoints: [path.join(repoRoot, entry)],
      outfile: path.join(outdir, outputName),
      metafile: true,
    });
    manifest.fixed[outputName] = outputName;
    metafiles[outputName] = result.metafile;
  }
  for (const [entryName, entry] of Object.entries(hashed)) {
    const result = await build({
      ...common,
      entryPoints: { [entryName]: path.join(repoRoot, entry) },
      outdir: path.join(outdir, 'assets'),
      entryNames: '[name]-[hash]',
      metafile: true,
    });
    const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(outdir, path.resolve(repoRoot, file)));
    metafiles[entryName] = result.metafile;
    manifest.hashed[entryName] = {
      script: outputs.find((file) => file.endsWith('.js')),
      style: outputs.find((file) => file.endsWith('.css')) ?? null,
    };
  }
  writeFileSync(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(outdir, 'metafiles.json'), JSON.stringify(metafiles));
  return { outdir, manifest };
}
