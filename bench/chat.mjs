// Benchmark 4: live chat. Relay latency at N concurrent conversations each sending one message a second, and
// the memory an idle connection holds, for a bare socket.io relay (the reference, measured in the same run).
//
// Targets (issue 13): p99 under 10 ms at 1,000 conversations; 10,000 idle visitors in one instance at no more
// than 20 KB each; and the queue's accept throughput. The chat service's side of each measurement needs chat's
// /visitor and /agent protocol, which this harness is wired to once it is merged (see BENCHMARKS.md).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { benchDir } from './lib/paths.mjs';
import { freePort, waitForPort } from './lib/ports.mjs';
import { table } from './lib/report.mjs';
import { openMany, openSocket, relayAtSteadyRate, residentBytesOf } from './lib/socket-load.mjs';
import { medianWithSpread, round } from './lib/stats.mjs';

const FULL = { conversations: 1_000, seconds: 30, idleConnections: 10_000 };
const QUICK = { conversations: 100, seconds: 5, idleConnections: 1_000 };
const TARGET_P99_MS = 10;
const TARGET_BYTES_PER_CONNECTION = 20 * 1024;

async function startReferenceServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(benchDir, 'lib', 'socketio-relay-server.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  await waitForPort(port, { exited });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The bare relay: N pairs of sockets, each visitor sending to its agent through the server. */
async function measureReferenceRelay(server, { conversations, seconds }) {
  const pairs = await openMany(conversations, async (index) => ({
    visitor: await openSocket(server.url, { query: { pair: `p${index}` } }),
    agent: await openSocket(server.url, { query: { pair: `p${index}` } }),
  }));
  try {
    return await relayAtSteadyRate({
      pairs,
      seconds,
      send: (pair, body) => pair.visitor.emit('message', body),
      onReceived: (record) => pairs.forEach((pair) => pair.agent.on('message', record)),
    });
  } finally {
    for (const pair of pairs) [pair.visitor, pair.agent].forEach((socket) => socket.close());
  }
}

/** Memory the server holds per idle connection: its resident size with them open, less before, per connection. */
async function measureIdleConnections(server, count, open) {
  const before = residentBytesOf(server.pid);
  const sockets = await openMany(count, open);
  await sleep(1_000); // let the handshakes' garbage be collected as it would be under a steady idle load
  const after = residentBytesOf(server.pid);
  for (const socket of sockets) socket.close();
  return { connections: sockets.length, bytesPerConnection: (after - before) / sockets.length };
}

export async function chatBenchmark({ quick, repeats, log }) {
  const size = quick ? QUICK : FULL;
  const relays = [];
  const idles = [];
  for (let repeat = 1; repeat <= repeats; repeat++) {
    log(`repeat ${repeat}/${repeats}: bare socket.io relay, ${size.conversations} conversations for ${size.seconds} s`);
    const server = await startReferenceServer();
    try {
      relays.push(await measureReferenceRelay(server, size));
      log(`repeat ${repeat}/${repeats}: ${size.idleConnections} idle connections to the bare server`);
      idles.push(await measureIdleConnections(server, size.idleConnections, () => openSocket(server.url)));
    } finally {
      await server.stop();
    }
  }
  const ms = (value) => `${round(value)} ms`;
  const kb = (value) => `${round(value / 1024)} KB`;
  const markdown = [
    `${size.conversations} conversations, each sending one message a second for ${size.seconds} s; ${size.idleConnections} idle connections. Medians of ${repeats} repeat(s) (min–max).`,
    '',
    table(
      [
        'server',
        'sent',
        'received',
        'relay p50',
        'relay p99',
        `target p99 < ${TARGET_P99_MS} ms`,
        'memory per idle connection',
        `target ≤ ${kb(TARGET_BYTES_PER_CONNECTION)}`,
      ],
      [
        [
          'bare socket.io relay (reference)',
          medianWithSpread(relays.map((relay) => relay.sent)),
          medianWithSpread(relays.map((relay) => relay.received)),
          medianWithSpread(
            relays.map((relay) => relay.p50Ms),
            ms,
          ),
          medianWithSpread(
            relays.map((relay) => relay.p99Ms),
            ms,
          ),
          'reference',
          medianWithSpread(
            idles.map((idle) => idle.bytesPerConnection),
            kb,
          ),
          'reference',
        ],
      ],
    ),
  ].join('\n');
  return { markdown };
}
