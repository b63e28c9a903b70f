// Benchmark 4: live chat. Relay latency visitor → agent at N concurrent conversations each sending one message a
// second, persisted (from the visitor's send to the agent's receipt of the stored message), next to a bare
// socket.io relay measured in the same run; the memory an idle visitor holds in one instance; and how fast agents
// take conversations from the queue.
//
// Targets (issue 13): p99 under 10 ms at 1,000 conversations; 10,000 idle visitors in one instance at no more
// than 20 KB each.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { aiAgentBenchmark } from './chat-ai.mjs';
import { announceAgents, benchChatEnv, connectAgent, connectVisitor, request, startConversation, until } from './lib/chat-service.mjs';
import { createHelpgateRun } from './lib/helpgate.mjs';
import { benchDir, workDir } from './lib/paths.mjs';
import { freePort, waitForPort } from './lib/ports.mjs';
import { table } from './lib/report.mjs';
import { heapGrowthMarkdown, summarizeHeap } from './lib/heap-snapshot.mjs';
import { heapSnapshot, inspectFlag, memoryAfterGc, profileCpuDuring } from './lib/inspector.mjs';
import { profileMarkdown, summarizeProfile } from './lib/profile.mjs';
import { openMany, openSocket, relayAtSteadyRate, residentBytesOf } from './lib/socket-load.mjs';
import { medianWithSpread, round } from './lib/stats.mjs';

const FULL = { conversations: 1_000, seconds: 30, warmUpSeconds: 3, idleConnections: 10_000, queued: 1_000, acceptingAgents: 10 };
const QUICK = { conversations: 100, seconds: 5, warmUpSeconds: 1, idleConnections: 1_000, queued: 200, acceptingAgents: 4 };
const TARGET_P99_MS = 10;
const TARGET_BYTES_PER_CONNECTION = 20 * 1024;
/** Conversations each agent of the relay takes at once: routing fills them up to it. */
const RELAY_AGENT_CAPACITY = 50;

async function startReferenceServer() {
  const port = await freePort();
  const inspectPort = await freePort();
  const child = spawn(process.execPath, [inspectFlag(inspectPort), path.join(benchDir, 'lib', 'socketio-relay-server.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  // The inspector tells of its sessions on stderr; anything else the server prints is passed on.
  child.stderr.on('data', (chunk) => {
    const text = chunk.toString().replace(/^(Debugger |For help, see:|Waiting for the debugger).*\n/gm, '');
    if (text) process.stderr.write(text);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  await waitForPort(port, { exited });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    inspectPort,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The bare relay: N pairs of sockets, each visitor sending to its agent through the server. */
async function measureReferenceRelay(server, { conversations, seconds, warmUpSeconds }) {
  const pairs = await openMany(conversations, async (index) => ({
    visitor: await openSocket(server.url, { query: { pair: `p${index}` } }),
    agent: await openSocket(server.url, { query: { pair: `p${index}` } }),
  }));
  try {
    return await relayAtSteadyRate({
      pairs,
      seconds,
      warmUpSeconds,
      serverPid: server.pid,
      send: (pair, body) => pair.visitor.emit('message', body),
      onReceived: (record) => pairs.forEach((pair) => pair.agent.on('message', record)),
    });
  } finally {
    for (const pair of pairs) [pair.visitor, pair.agent].forEach((socket) => socket.close());
  }
}

/**
 * chat's relay: N visitors each with a conversation routed to one of the available agents, each visitor sending a
 * message a second; the agent's `message` event carries the stored message, whose text holds the send time.
 * `during` wraps the steady relay alone (the profiler), not the conversations' start.
 */
async function measureChatRelay(run, { url, pid }, { conversations, seconds, warmUpSeconds }, during = (relay) => relay()) {
  const agentIds = await announceAgents(run, Array(Math.ceil(conversations / RELAY_AGENT_CAPACITY)).fill(RELAY_AGENT_CAPACITY));
  const agents = await Promise.all(agentIds.map((id) => connectAgent(url, id, 'available')));
  const pairs = await openMany(conversations, async (index) => {
    const visitor = await connectVisitor(url);
    return { visitor, conversationId: await startConversation(visitor, `relay ${index}`) };
  });
  try {
    await until(
      run,
      `SELECT count(*)::int AS count FROM conversations WHERE state = 'assigned' AND id = ANY($1)`,
      [pairs.map((pair) => pair.conversationId)],
      conversations,
    );
    return await during(() =>
      relayAtSteadyRate({
        pairs,
        seconds,
        warmUpSeconds,
        serverPid: pid,
        send: (pair, body) =>
          pair.visitor.emit(
            'message.send',
            { conversationId: pair.conversationId, clientId: randomUUID(), text: JSON.stringify(body) },
            () => {},
          ),
        onReceived: (record) =>
          agents.forEach((agent) =>
            agent.on('message', (message) => {
              if (message.author === 'visitor' && message.text.startsWith('{')) record(JSON.parse(message.text));
            }),
          ),
      }),
    );
  } finally {
    for (const socket of [...agents, ...pairs.map((pair) => pair.visitor)]) socket.close();
  }
}

/**
 * Memory the server holds per idle connection: its V8 heap and external memory (buffers) after a full collection
 * with the connections open, less the same before, per connection; read in the server process itself (see
 * inspector.mjs), so neither garbage awaiting a collection nor what the allocator keeps counts. Resident memory is
 * reported beside it as an indication (it also holds libuv's and the kernel interface's native memory). With
 * `profile`, heap snapshots before and after tell which objects the connections hold.
 */
async function measureIdleConnections(server, count, open, { profile }) {
  const heapBefore = profile ? summarizeHeap(await heapSnapshot(server.inspectPort)) : undefined;
  const before = await memoryAfterGc(server.inspectPort);
  const residentBefore = residentBytesOf(server.pid);
  const sockets = await openMany(count, open);
  // What a connection sets off (its greeting, chat's room joins) is done before the reading.
  await sleep(500);
  const after = await memoryAfterGc(server.inspectPort);
  const residentAfter = residentBytesOf(server.pid);
  const heapGrowth = profile
    ? heapGrowthMarkdown(heapBefore, summarizeHeap(await heapSnapshot(server.inspectPort)), sockets.length)
    : undefined;
  for (const socket of sockets) socket.close();
  const held = (usage) => usage.heapUsed + usage.external;
  return {
    connections: sockets.length,
    bytesPerConnection: (held(after) - held(before)) / sockets.length,
    residentBytesPerConnection: (residentAfter - residentBefore) / sockets.length,
    heapGrowth,
  };
}

/**
 * The queue's accept throughput: `queued` conversations wait (an available agent with no room keeps the queue
 * open), then `acceptingAgents` away agents accept their share one after another, as fast as chat answers.
 */
async function measureAccepts(run, url, { queued, acceptingAgents }) {
  // Each takes its share; identity allows an agent at most 100 chats at once.
  const share = Math.ceil(queued / acceptingAgents);
  const [holderId, ...acceptorIds] = await announceAgents(run, [0, ...Array(acceptingAgents).fill(share)]);
  const holder = await connectAgent(url, holderId, 'available');
  const acceptors = await Promise.all(acceptorIds.map((id) => connectAgent(url, id, 'away')));
  const visitors = await openMany(queued, (index) =>
    connectVisitor(url).then(async (visitor) => ({ visitor, conversationId: await startConversation(visitor, `queued ${index}`) })),
  );
  const ids = visitors.map(({ conversationId }) => conversationId);
  try {
    await until(run, 'SELECT count(*)::int AS count FROM queue_entries WHERE conversation_id = ANY($1)', [ids], queued);
    const startedAt = performance.now();
    await Promise.all(
      acceptors.map(async (acceptor, agentIndex) => {
        for (let index = agentIndex; index < ids.length; index += acceptors.length)
          await request(acceptor, 'conversation.accept', { conversationId: ids[index] });
      }),
    );
    const seconds = (performance.now() - startedAt) / 1000;
    return { accepted: ids.length, acceptsPerSecond: ids.length / seconds };
  } finally {
    for (const socket of [holder, ...acceptors, ...visitors.map(({ visitor }) => visitor)]) socket.close();
  }
}

/** One chat instance from dist/, with its own database and topics. */
async function withChat({ brokers, databaseUrl }, work) {
  const run = await createHelpgateRun({ brokers, databaseUrl, name: `bench_chat_${Date.now().toString(36)}` });
  try {
    const [instance] = await run.start('chat', 1, benchChatEnv, { inspect: true });
    return await work(run, instance);
  } finally {
    await run.cleanUp();
  }
}

/** chat's steady relay under the CPU profiler; the profile's summary as markdown. */
async function profiledChatRelay(run, instance, size) {
  let profile;
  const result = await measureChatRelay(run, instance, size, async (relay) => {
    const profiled = await profileCpuDuring(instance.inspectPort, relay);
    profile = profiled.profile;
    return profiled.result;
  });
  const profileDir = path.join(workDir, 'profiles', 'chat');
  mkdirSync(profileDir, { recursive: true });
  const file = path.join(profileDir, 'chat-relay.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  return { ...result, profile: profileMarkdown(`Profile of chat during the steady relay (${file})`, summarizeProfile(file)) };
}

export async function chatBenchmark({ quick, repeats, brokers, databaseUrl, profile, log }) {
  const size = quick ? QUICK : FULL;
  const reference = { relays: [], idles: [] };
  const chat = { relays: [], idles: [], accepts: [] };
  // With --profile, the first repeat is profiled: heap snapshots around the idle connections, the CPU during the relay.
  for (let repeat = 1; repeat <= repeats; repeat++) {
    const profiled = profile && repeat === 1;
    log(`repeat ${repeat}/${repeats}: bare socket.io relay, ${size.conversations} conversations for ${size.seconds} s`);
    const server = await startReferenceServer();
    try {
      reference.relays.push(await measureReferenceRelay(server, size));
      log(`repeat ${repeat}/${repeats}: ${size.idleConnections} idle connections to the bare server`);
      reference.idles.push(await measureIdleConnections(server, size.idleConnections, () => openSocket(server.url), { profile: profiled }));
    } finally {
      await server.stop();
    }
    await withChat({ brokers, databaseUrl }, async (run, instance) => {
      log(`repeat ${repeat}/${repeats}: chat, ${size.idleConnections} idle visitors`);
      chat.idles.push(
        await measureIdleConnections(instance, size.idleConnections, () => connectVisitor(instance.url), { profile: profiled }),
      );
      log(`repeat ${repeat}/${repeats}: chat relay, ${size.conversations} conversations for ${size.seconds} s`);
      chat.relays.push(await (profiled ? profiledChatRelay(run, instance, size) : measureChatRelay(run, instance, size)));
      log(`repeat ${repeat}/${repeats}: chat queue, ${size.queued} conversations accepted by ${size.acceptingAgents} agents`);
      chat.accepts.push(await measureAccepts(run, instance.url, size));
    });
  }
  const ms = (value) => `${round(value)} ms`;
  const kb = (value) => `${round(value / 1024)} KB`;
  const p99Ratios = chat.relays.map((relay, index) => relay.p99Ms / reference.relays[index].p99Ms);
  const relayCells = (relays) => [
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
  ];
  const cpuCell = (relays) =>
    medianWithSpread(
      relays.map((relay) => relay.serverCpuMsPerMessage),
      ms,
    );
  const idleCell = (idles) =>
    medianWithSpread(
      idles.map((idle) => idle.bytesPerConnection),
      kb,
    );
  const residentCell = (idles) =>
    medianWithSpread(
      idles.map((idle) => idle.residentBytesPerConnection),
      kb,
    );
  const memoryRatios = chat.idles.map((idle, index) => idle.bytesPerConnection / reference.idles[index].bytesPerConnection);
  const markdown = [
    `${size.conversations} conversations, each sending one message a second for ${size.seconds} s after ${size.warmUpSeconds} s of warm-up (sent, not counted); ${size.idleConnections} idle connections; ${size.queued} queued conversations accepted by ${size.acceptingAgents} agents. Medians of ${repeats} repeat(s) (min–max). chat is one instance from \`dist/\` (Postgres adapter), every message stored before it is relayed. Memory per idle connection: heap + external after a full collection, in the server process, per connection opened; resident memory beside it as an indication.`,
    '',
    table(
      [
        'server',
        'sent',
        'received',
        'relay p50',
        'relay p99',
        'p99 vs bare',
        'server CPU per message',
        `target p99 < ${TARGET_P99_MS} ms`,
        'memory per idle connection',
        'memory vs bare',
        `target ≤ ${kb(TARGET_BYTES_PER_CONNECTION)}`,
        'resident per idle connection',
        'accepts/s',
      ],
      [
        [
          'bare socket.io relay (reference)',
          ...relayCells(reference.relays),
          '1',
          cpuCell(reference.relays),
          'reference',
          idleCell(reference.idles),
          '1',
          'reference',
          residentCell(reference.idles),
          'n/a',
        ],
        [
          'chat (visitor → agent, persisted)',
          ...relayCells(chat.relays),
          medianWithSpread(p99Ratios, (ratio) => `${round(ratio)}×`),
          cpuCell(chat.relays),
          chat.relays.every((relay) => relay.p99Ms < TARGET_P99_MS) ? 'met' : 'missed',
          idleCell(chat.idles),
          medianWithSpread(memoryRatios, (ratio) => `${round(ratio)}×`),
          chat.idles.every((idle) => idle.bytesPerConnection <= TARGET_BYTES_PER_CONNECTION) ? 'met' : 'missed',
          residentCell(chat.idles),
          medianWithSpread(chat.accepts.map((accept) => accept.acceptsPerSecond)),
        ],
      ],
    ),
  ].join('\n');
  const profiles = [
    reference.idles[0]?.heapGrowth && `**Bare socket.io, idle connections.** ${reference.idles[0].heapGrowth}`,
    chat.idles[0]?.heapGrowth && `**chat, idle visitors.** ${chat.idles[0].heapGrowth}`,
    chat.relays[0]?.profile,
  ].filter(Boolean);
  const aiAgent = await aiAgentBenchmark({ quick, repeats, brokers, databaseUrl, log });
  return { markdown: [markdown, aiAgent, ...profiles].join('\n\n') };
}
