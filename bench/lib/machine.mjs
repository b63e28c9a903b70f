// What a result was measured on: the machine, its load, and the versions of everything in the path.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { benchDir, repoRoot } from './paths.mjs';

const rootRequire = createRequire(`${repoRoot}/package.json`);

function packageVersion(requireFrom, name) {
  try {
    return requireFrom(`${name}/package.json`).version;
  } catch {
    return 'not installed';
  }
}

/** The Kafka version from the jar names on the classpath of the broker process on this machine, if there is one. */
function localKafkaVersion() {
  try {
    const commandLine = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .find((line) => line.includes('kafka.Kafka'));
    const classpath = commandLine?.match(/-cp (\S+)/)?.[1];
    if (!classpath) return 'unknown (no local broker process)';
    const jar = readdirSync(path.dirname(classpath)).find((name) => /^kafka_[\d.]+-[\d.]+\.jar$/.test(name));
    return jar ? jar.replace(/^kafka_[\d.]+-/, '').replace(/\.jar$/, '') : 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function describeMachine({ databaseUrl, brokers }) {
  let postgres = 'not used';
  let synchronousCommit = 'not used';
  if (databaseUrl) {
    const { Client } = rootRequire('pg');
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    [{ version: postgres }] = (await client.query('SELECT version()')).rows;
    [{ synchronous_commit: synchronousCommit }] = (await client.query('SHOW synchronous_commit')).rows;
    await client.end();
  }
  const cpus = os.cpus();
  const benchRequire = existsSync(path.join(benchDir, 'node_modules')) ? createRequire(path.join(benchDir, 'package.json')) : undefined;
  const postfixVersionFile = path.join(repoRoot, '.infra', 'postfix', 'VERSION');
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    kernel: `${os.type()} ${os.release()}`,
    loadAverage: os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' '),
    versions: {
      node: process.version,
      postgres: postgres.split(' on ')[0],
      'postgres synchronous_commit': synchronousCommit,
      kafka: brokers.length > 0 ? `${localKafkaVersion()} at ${brokers}` : 'not used',
      kafkajs: packageVersion(rootRequire, 'kafkajs'),
      pg: packageVersion(rootRequire, 'pg'),
      'smtp-server': packageVersion(rootRequire, 'smtp-server'),
      mailparser: packageVersion(rootRequire, 'mailparser'),
      haraka: benchRequire ? packageVersion(benchRequire, 'haraka') : 'not installed',
      'postfix (smtp-source)': existsSync(postfixVersionFile) ? readFileSync(postfixVersionFile, 'utf8').trim() : 'not fetched',
    },
  };
}

export function machineMarkdown(machine) {
  const versions = Object.entries(machine.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  return [
    `- Measured ${machine.date} at commit \`${machine.commit}\`, load average before the run ${machine.loadAverage}.`,
    `- Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB memory, ${machine.kernel}.`,
    `- Versions: ${versions}.`,
  ].join('\n');
}
