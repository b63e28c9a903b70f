// Reads a V8 .cpuprofile (node --cpu-prof) and ranks where the busy time went, three ways: by function
// (self time), by package (the innermost npm package on the stack, so the node core work a package asks
// for, such as socket writes, counts for it), and by the innermost Helpgate function on the stack.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { table } from './report.mjs';

const idle = '(idle)';

function packageOf(url) {
  const match = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (match) return match[1];
  if (url.includes('/dist/apps/')) return 'helpgate';
  return null;
}

export function summarizeProfile(file, top = 15) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const functions = new Map();
  const packages = new Map();
  const helpgateFunctions = new Map();
  const add = (map, key, micros) => map.set(key, (map.get(key) ?? 0) + micros);
  let busy = 0;
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    total += micros;
    const leaf = byId.get(id);
    if (leaf.callFrame.functionName === idle) return;
    busy += micros;
    const { functionName, url, lineNumber } = leaf.callFrame;
    const where = url ? ` ${url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${lineNumber + 1}` : '';
    add(functions, `${functionName || '(anonymous)'}${where}`, micros);
    let packageName;
    let helpgateFunction;
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
      const frame = byId.get(current).callFrame;
      const owner = packageOf(frame.url);
      packageName ??= owner ?? undefined;
      if (owner === 'helpgate' && !helpgateFunction) helpgateFunction = frame.functionName || '(anonymous)';
    }
    add(packages, packageName ?? (functionName.startsWith('(') ? functionName : 'node core'), micros);
    if (helpgateFunction) add(helpgateFunctions, helpgateFunction, micros);
  });
  const ranked = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, micros]) => ({ key, share: micros / busy }));
  return {
    busySeconds: busy / 1e6,
    totalSeconds: total / 1e6,
    functions: ranked(functions),
    packages: ranked(packages),
    helpgateFunctions: ranked(helpgateFunctions),
  };
}

export function profileMarkdown(title, summary) {
  const percent = (share) => `${(share * 100).toFixed(1)} %`;
  return [
    `**${title}** (\`--cpu-prof\`: ${summary.busySeconds.toFixed(1)} s busy of ${summary.totalSeconds.toFixed(1)} s sampled; shares of the busy time)`,
    '',
    table(
      ['package (innermost on the stack)', 'share'],
      summary.packages.map((entry) => [entry.key, percent(entry.share)]),
    ),
    '',
    table(
      ['innermost Helpgate function on the stack', 'share'],
      summary.helpgateFunctions.map((entry) => [`\`${entry.key}\``, percent(entry.share)]),
    ),
    '',
    table(
      ['function (self time)', 'share'],
      summary.functions.map((entry) => [`\`${entry.key}\``, percent(entry.share)]),
    ),
  ].join('\n');
}

/** The profiles the instances labelled `labels` wrote into `profileDir`, as markdown. */
export function profilesMarkdown(profileDir, labels, during) {
  return labels
    .map((label) => {
      const dir = path.join(profileDir, label);
      const file = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith('.cpuprofile')) : undefined;
      return file
        ? profileMarkdown(`Profile of ${label} ${during}`, summarizeProfile(path.join(dir, file)))
        : `(no profile written by ${label})`;
    })
    .join('\n\n');
}
