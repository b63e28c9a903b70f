// Reads a server process's own memory through the V8 inspector it was started with (`--inspect=127.0.0.1:<port>`):
// a full garbage collection, then `process.memoryUsage()`, so what is measured is what the process really holds,
// not what the allocator kept or what garbage was still waiting for a collection. The session is opened only for
// the reading and closed after it, so the inspector costs nothing while latencies are measured.
import { createRequire } from 'node:module';
import { repoRoot } from './paths.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const { WebSocket } = require('ws');

/** The node flag that opens the inspector of a process on `port`, on the loopback address only. */
export const inspectFlag = (port) => `--inspect=127.0.0.1:${port}`;

async function withSession(port, work) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 0 });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.id !== undefined) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`inspector: ${message.error.message}`));
      else resolve(message.result);
    } else listeners.get(message.method)?.(message.params);
  });
  const session = {
    send(method, params = {}) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    on(method, listener) {
      listeners.set(method, listener);
    },
  };
  try {
    return await work(session);
  } finally {
    socket.close();
  }
}

/** `process.memoryUsage()` of the process after a full garbage collection. */
export function memoryAfterGc(port) {
  return withSession(port, async (session) => {
    // Twice: objects with finalizers (sockets, weak references) are freed by the second collection.
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const { result } = await session.send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())' });
    return JSON.parse(result.value);
  });
}

/** A heap snapshot of the process (taken after a collection, as V8 does), as the JSON text DevTools reads. */
export function heapSnapshot(port) {
  return withSession(port, async (session) => {
    const chunks = [];
    session.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    return chunks.join('');
  });
}

/** Runs `work` while the process's CPU is sampled; answers what `work` answered and the profile (`.cpuprofile`). */
export function profileCpuDuring(port, work) {
  return withSession(port, async (session) => {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 1000 });
    await session.send('Profiler.start');
    // Should the work fail, closing the session stops the profiler.
    const result = await work();
    const { profile } = await session.send('Profiler.stop');
    return { result, profile };
  });
}
