#!/usr/bin/env node
// npm run bench [-- smtp|consumers|latency|chat|identity|widget ...] [--quick] [--repeats N] [--profile] [--scenarios a,b] [--skip-build] [--no-write]
//
// Runs the real Helpgate stack on this machine next to what it is compared with, and writes the results
// into BENCHMARKS.md (each benchmark its own section). Never part of npm test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureKafka } from '../scripts/local-kafka.mjs';
import { ensurePostgres, stopEmbeddedPostgres } from '../scripts/local-postgres.mjs';
import { describeMachine, machineMarkdown } from './lib/machine.mjs';
import { benchDir, repoRoot, workDir } from './lib/paths.mjs';
import { benchmarksFile, writeSection } from './lib/report.mjs';

const benchmarks = {
  smtp: { title: '1. SMTP ingest throughput', module: './smtp.mjs', run: 'smtpBenchmark', needsBenchPackages: true },
  consumers: { title: '2. Consumers: identity and tickets from a backlog', module: './consumers.mjs', run: 'consumersBenchmark' },
  latency: { title: '3. End-to-end latency and the highest steady rate', module: './latency.mjs', run: 'latencyBenchmark' },
  chat: { title: '4. Live chat: relay latency and idle connections', module: './chat.mjs', run: 'chatBenchmark' },
  identity: { title: '5. Likely duplicates at 100,000 contacts', module: './identity.mjs', run: 'identityBenchmark' },
  widget: { title: '6. Help-center payload', module: './widget.mjs', run: 'widgetBenchmark', needsInfra: false },
};

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    repeats: { type: 'string' },
    profile: { type: 'boolean', default: false },
    scenarios: { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const selected = positionals.length > 0 ? positionals : Object.keys(benchmarks);
const unknown = selected.filter((name) => !benchmarks[name]);
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
const repeats = Number(options.repeats ?? (options.quick ? 1 : 3));
const log = (message) => console.error(message);

function run(command, args) {
  log(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
}

/** Haraka and its dependencies live in bench/node_modules, installed only when a benchmark needs them. */
function ensureBenchPackages() {
  const installed = path.join(benchDir, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(path.join(benchDir, 'package-lock.json')).mtimeMs) return;
  run('npm', ['--prefix', 'bench', 'ci', '--omit=optional', '--no-audit', '--no-fund']);
}

mkdirSync(workDir, { recursive: true });
if (selected.some((name) => benchmarks[name].needsBenchPackages)) ensureBenchPackages();
if (!options['skip-build']) run('npm', ['run', 'build']);
// The payload benchmark only reads the build: no broker or database for it alone.
const needsInfra = selected.some((name) => benchmarks[name].needsInfra !== false);
const kafka = needsInfra ? await ensureKafka({ log }) : { brokers: [] };
const postgres = needsInfra ? await ensurePostgres({ log }) : { url: null };
const context = {
  quick: options.quick,
  repeats,
  profile: options.profile,
  scenarios: options.scenarios?.split(','),
  brokers: kafka.brokers,
  databaseUrl: postgres.url,
  log,
};

let failed = false;
try {
  for (const name of selected) {
    const benchmark = benchmarks[name];
    log(`\n== ${benchmark.title} ==`);
    const machine = await describeMachine(context);
    const started = Date.now();
    const command = `npm run bench -- ${name}${options.quick ? ' --quick' : ''}${options.repeats ? ` --repeats ${repeats}` : ''}${options.profile ? ' --profile' : ''}${options.scenarios ? ` --scenarios ${options.scenarios}` : ''}`;
    const sectionOf = (markdown, { partial }) =>
      [
        `### ${benchmark.title}`,
        '',
        `\`${command}\` (${partial ? `**partial, run in progress**: ${Math.round((Date.now() - started) / 1000)} s so far` : `took ${Math.round((Date.now() - started) / 1000)} s`})`,
        '',
        machineMarkdown(machine),
        '',
        markdown,
      ].join('\n');
    // A benchmark hands its results so far after each finished phase, so a late failure loses nothing.
    const progress = (markdown) => {
      if (!options['no-write']) writeSection(name, sectionOf(markdown, { partial: true }));
    };
    try {
      const { markdown } = await (await import(benchmark.module))[benchmark.run]({ ...context, progress });
      const section = sectionOf(markdown, { partial: false });
      console.log(`\n${section}\n`);
      if (!options['no-write']) writeSection(name, section);
    } catch (error) {
      failed = true;
      log(`${name} failed: ${error.stack ?? error}`);
    }
  }
} finally {
  await stopEmbeddedPostgres();
}
if (!options['no-write'] && !failed) log(`results written to ${path.relative(process.cwd(), benchmarksFile)}`);
process.exit(failed ? 1 : 0);
