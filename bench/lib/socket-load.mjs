// Socket.io load from the harness: pairs of sockets relaying messages at a steady rate, idle sockets, and the
// memory a server process holds for them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './paths.mjs';
import { percentile } from './stats.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const { io } = require('socket.io-client');

/** Opens a websocket-only socket.io connection and resolves once it is connected. */
export function openSocket(url, { query = {}, auth = {} } = {}) {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, query, auth });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(new Error(`socket.io connection to ${url} refused: ${error.message}`)));
  });
}

/** Opens `count` connections, `concurrency` at a time, so the server is not flooded with handshakes at once. */
export async function openMany(count, open, concurrency = 200) {
  const sockets = [];
  for (let start = 0; start < count; start += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - start) }, (_, offset) => open(start + offset));
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/** Resident memory of a process, in bytes (Linux). */
export function residentBytesOf(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) * 1024;
}

/** CPU time a process has used so far, user and system, in seconds (Linux; clock ticks of 1/100 s). */
export function cpuSecondsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name, in parentheses, may hold spaces: the fields are counted after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [fields[11], fields[12]].map(Number);
  return (utime + stime) / 100;
}

/**
 * Each pair sends one message a second for `warmUpSeconds` and then for `seconds`, pairs spread evenly over the
 * second; `send(pair, body)` sends as its protocol does, and the receiving side calls `received(body)`. Latency is
 * from the send to the receipt on the other socket, both measured on this process's clock, over the `seconds` after
 * the warm-up only: in the first second or so each process still compiles its hot paths and grows its heap (in chat a
 * third of the slowest percent fell there), which is not the steady relay. The CPU time the server process
 * (`serverPid`) used over the same window, per message sent, tells its own cost apart from the machine's load.
 */
export async function relayAtSteadyRate({ pairs, seconds, warmUpSeconds, send, onReceived, serverPid }) {
  const latencies = [];
  let sent = 0;
  onReceived((body) => {
    if (!body.warmUp) latencies.push(performance.now() - body.sentAt);
  });
  const startedAt = performance.now() + 100;
  const measuredFrom = startedAt + warmUpSeconds * 1000;
  let cpuBefore;
  setTimeout(() => (cpuBefore = cpuSecondsOf(serverPid)), measuredFrom - performance.now());
  for (let index = 0; index < pairs.length; index++) {
    const offsetMs = (index * 1000) / pairs.length;
    for (let second = 0; second < warmUpSeconds + seconds; second++) {
      const at = startedAt + second * 1000 + offsetMs;
      const warmUp = second < warmUpSeconds;
      setTimeout(() => {
        if (!warmUp) sent++;
        send(pairs[index], { sentAt: performance.now(), warmUp, text: `message ${second} of pair ${index}` });
      }, at - performance.now());
    }
  }
  // Everything sent, then up to five seconds for the stragglers.
  await sleep((warmUpSeconds + seconds) * 1000 + 200);
  const deadline = performance.now() + 5_000;
  while (latencies.length < sent && performance.now() < deadline) await sleep(20);
  return {
    sent,
    serverCpuMsPerMessage: ((cpuSecondsOf(serverPid) - cpuBefore) * 1000) / sent,
    received: latencies.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
