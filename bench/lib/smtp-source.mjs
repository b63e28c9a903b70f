// Postfix's load generator smtp-source, taken from the Debian package without installing it: the .deb is
// downloaded with `apt-get download` (no root needed) and unpacked under .infra/postfix. The Postfix daemon
// is never installed, configured or started; only the smtp-source binary is run.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

const home = path.join(repoRoot, '.infra', 'postfix');
const root = path.join(home, 'root');
const debs = path.join(home, 'debs');
const binary = path.join(root, 'usr', 'sbin', 'smtp-source');
const versionFile = path.join(home, 'VERSION');

function libraryPath() {
  const dirs = ['usr/lib/postfix', 'usr/lib/x86_64-linux-gnu', 'lib/x86_64-linux-gnu', 'usr/lib/aarch64-linux-gnu', 'lib/aarch64-linux-gnu']
    .map((dir) => path.join(root, dir))
    .filter((dir) => existsSync(dir));
  return [...dirs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

function download(packages) {
  mkdirSync(debs, { recursive: true });
  try {
    run('apt-get', ['download', ...packages], { cwd: debs });
  } catch (error) {
    throw new Error(
      `apt-get download ${packages.join(' ')} failed (a Debian or Ubuntu machine is needed): ${error.stderr || error.message}`,
    );
  }
}

function unpackAll() {
  for (const deb of readdirSync(debs).filter((name) => name.endsWith('.deb'))) run('dpkg', ['-x', path.join(debs, deb), root]);
}

function missingLibraries() {
  const output = run('ldd', [binary], { env: { ...process.env, LD_LIBRARY_PATH: libraryPath() } });
  return output
    .split('\n')
    .filter((line) => line.includes('not found'))
    .map((line) => line.trim().split(' ')[0]);
}

/** Downloads and unpacks smtp-source once (and the libraries it lacks on this machine); returns how to run it. */
export function ensureSmtpSource({ log = console.error } = {}) {
  if (!existsSync(binary)) {
    log('Fetching Postfix (for smtp-source only) with apt-get download into .infra/postfix ...');
    rmSync(home, { recursive: true, force: true });
    download(['postfix']);
    unpackAll();
    const deb = readdirSync(debs).find((name) => name.startsWith('postfix_'));
    writeFileSync(versionFile, run('dpkg-deb', ['-f', path.join(debs, deb), 'Version']).trim());
  }
  let missing = missingLibraries();
  if (missing.length > 0) {
    // The libraries come from the packages postfix depends on: fetch those that are libraries and try again.
    const postfixDeb = readdirSync(debs).find((name) => name.startsWith('postfix_'));
    const depends = run('dpkg-deb', ['-f', path.join(debs, postfixDeb), 'Depends'])
      .split(',')
      .map((entry) => entry.trim().split(/[\s|]/)[0])
      .filter((name) => name.startsWith('lib'));
    log(`smtp-source lacks ${missing.join(', ')}; fetching ${depends.join(' ')} ...`);
    download(depends);
    unpackAll();
    missing = missingLibraries();
    if (missing.length > 0) throw new Error(`smtp-source still lacks ${missing.join(', ')} after unpacking its dependencies`);
  }
  return { binary, env: { ...process.env, LD_LIBRARY_PATH: libraryPath() }, version: readFileSync(versionFile, 'utf8').trim() };
}

/**
 * Runs smtp-source once and resolves with its wall time. `messages` are sent over `sessions` parallel
 * sessions, several per session when `manyPerSession`; `file` is a message sent as is, else smtp-source
 * generates one of `generatedBytes` with its own unique Message-Id.
 */
export function runSmtpSource(tool, { port, sessions, messages, manyPerSession, file, generatedBytes, from, to }) {
  const args = ['-s', String(sessions), '-m', String(messages), '-f', from, '-t', to, '-M', from.split('@')[1]];
  if (manyPerSession) args.push('-d');
  if (file) args.push('-F', file);
  else args.push('-l', String(generatedBytes), '-S', 'Benchmark message');
  args.push(`127.0.0.1:${port}`);
  const command = `smtp-source ${args.map((arg) => (arg.includes(' ') || arg.includes('/') ? `'${arg.replace(repoRoot + '/', '')}'` : arg)).join(' ')}`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(tool.binary, args, { env: tool.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, command });
      else reject(new Error(`${command} exited ${code}: ${errors.trim().slice(-500)}`));
    });
  });
}
