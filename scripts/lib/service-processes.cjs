// Runs Helpgate services as separate processes from their build in dist/; shared by `npm start` and the end-to-end tests.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const repoRoot = path.resolve(__dirname, '..', '..');
const services = ['email-ingest', 'identity', 'tickets', 'chat'];

function entryPointOf(service) {
  return path.join(repoRoot, 'dist', 'apps', service, 'main.js');
}

/**
 * Starts one service. `onLine(line)` receives every line it prints; `exited` settles with its exit code.
 * `nodeFlags` go to node before the entry point (e.g. `--cpu-prof`, which NODE_OPTIONS does not take).
 */
function startService(service, { env, onLine = () => {}, nodeFlags = [] }) {
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags, entryPointOf(service)], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on('line', onLine);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    service,
    child,
    exited,
    async stop(signal = 'SIGTERM', timeoutMs = 20000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Waits until GET /health answers 200, failing early when the process exits first. */
async function waitUntilHealthy(running, httpPort, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  let exitCode;
  running.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${running.service} exited (${exitCode}) before it was healthy`);
    try {
      const response = await fetch(`http://127.0.0.1:${httpPort}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${running.service} was not healthy within ${timeoutMs} ms`);
}

module.exports = { services, entryPointOf, startService, waitUntilHealthy, repoRoot };
