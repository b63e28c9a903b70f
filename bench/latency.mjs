// Benchmark 3: end-to-end latency, from the SMTP 250 to the ticket readable through the tickets API, at a
// steady rate; then the highest steady rate at which the whole pipeline keeps up.
//
// Two scenarios of steady phases: mail from known senders (each of a pool that wrote once during the warm-up,
// so has a contact already) and mail from new senders (an address never seen before for every mail, at the
// same organization domains, each taking many of them).
//
// Mail is sent on a fixed schedule (message i at start + i / rate) over a pool of SMTP connections. The
// harness follows tickets.ticket.changed.v3 to learn each new ticket's id as soon as it is committed (the
// outbox publishes after the commit), then reads it with GET /tickets/:id: the time that answers 200 is
// when the ticket was readable, so the figures can only overstate the latency (by the outbox relay and
// the Kafka delivery), never understate it. Above 50 mails per second only a systematic sample is read,
// so the harness's own requests stay light next to the pipeline it measures.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pidListeningOn, startMachineCpu, startPipelineCpu } from './lib/cpu.mjs';
import { startDiscardSmtp } from './lib/discard-smtp.mjs';
import { loadContracts } from './lib/compiled-libs.mjs';
import { startDnsStub } from './lib/dns-stub.mjs';
import { benchIngestEnv, createHelpgateRun, TOPIC_PARTITIONS } from './lib/helpgate.mjs';
import { mimeMessage } from './lib/mail.mjs';
import { repoRoot, workDir } from './lib/paths.mjs';
import { profilesMarkdown } from './lib/profile.mjs';
import { table } from './lib/report.mjs';
import { median, medianWithSpread, percentile, round } from './lib/stats.mjs';
import { fetchTicket } from './lib/tickets-api.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const nodemailer = require('nodemailer');

const SUPPORT_ADDRESS = 'support@helpgate.test';
/** The known senders: each writes once in the warm-up, so every mail of the known-sender phases finds its contact. */
const KNOWN_SENDERS = 2_000;
const ORGANIZATION_DOMAINS = 200;
const CONNECTIONS = 50;
/** A rate is kept up with when every mail got its 250 on schedule and 99 % of tickets were readable within this. */
const KEEPS_UP_P99_MS = 1_000;
/** Tickets read through the API per second, at most. */
const READS_PER_SECOND = 50;
/** The rate the latency targets are set at, and a low one that shows the path without queueing. */
const TARGET_RATE = 100;
const STEADY_RATES = [10, TARGET_RATE];
const SCENARIOS = {
  known: 'known senders',
  new: 'new senders',
  search: 'highest steady rate',
};

const knownSender = (index) => `customer${index % KNOWN_SENDERS}@org${index % ORGANIZATION_DOMAINS}.bench.test`;
/** Never seen before: unique per mail, at the known senders' domains (each placed by its domain as a new contact). */
const newSender = (phase) => (index) => `new${index}.${phase}@org${index % ORGANIZATION_DOMAINS}.bench.test`;

/** Reads the ticket through the API until it answers, and notes when it did. */
async function readWhenReadable(ticketsUrl, ticketId, mail) {
  while (!(await fetchTicket(ticketsUrl, ticketId))) await sleep(5);
  mail.readableAt = performance.now();
}

/**
 * Follows the tickets opened from now on; `watch.expect(subject, mail)` registers a mail whose ticket is
 * to be read when it appears.
 */
async function watchNewTickets(run, ticketsUrl) {
  const { Topics } = loadContracts();
  const expected = new Map();
  const consumer = run.kafka.consumer({ groupId: `${run.name}-latency-watch`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: run.topic(Topics.TicketsTicketChanged), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value.toString());
      const mail = event.change === 'created' ? expected.get(event.ticket.subject) : undefined;
      if (!mail) return;
      expected.delete(event.ticket.subject);
      mail.reading = readWhenReadable(ticketsUrl, event.ticket.id, mail).catch((error) => (mail.readError = error.message));
    },
  });
  return { expect: (subject, mail) => expected.set(subject, mail), stop: () => consumer.disconnect() };
}

/** Sends `rate` mails per second for `seconds`, and measures mails from their 250 to their ticket readable. */
async function measurePhase({ transport, watch, phase, rate, seconds, senderOf = knownSender }) {
  const count = Math.round(rate * seconds);
  const readEvery = Math.max(1, Math.ceil(rate / READS_PER_SECOND));
  const mails = [];
  const startedAt = performance.now() + 50;
  const sends = [];
  for (let index = 0; index < count; index++) {
    const scheduledAt = startedAt + (index * 1000) / rate;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await sleep(wait);
    const sender = senderOf(index);
    const subject = `Latency ${phase} ${index}`;
    const mail = { scheduledAt, read: index % readEvery === 0 };
    mails.push(mail);
    if (mail.read) watch.expect(subject, mail);
    const raw = mimeMessage('5k', {
      from: sender,
      subject,
      messageId: `<latency.${phase}.${index}@${sender.split('@')[1]}>`,
      date: new Date(),
    });
    sends.push(
      transport.sendMail({ envelope: { from: sender, to: [SUPPORT_ADDRESS] }, raw }).then(
        () => (mail.acceptedAt = performance.now()),
        (error) => (mail.error = error.message),
      ),
    );
  }
  await Promise.all(sends);
  const accepted = mails.filter((mail) => mail.acceptedAt !== undefined);
  const sampled = accepted.filter((mail) => mail.read);
  const deadline = performance.now() + 60_000;
  while (sampled.some((mail) => mail.readableAt === undefined) && performance.now() < deadline) await sleep(50);

  const latencies = sampled.filter((mail) => mail.readableAt !== undefined).map((mail) => mail.readableAt - mail.acceptedAt);
  const lastAccepted = Math.max(...accepted.map((mail) => mail.acceptedAt));
  return {
    rate,
    sent: count,
    read: sampled.length,
    refused: count - accepted.length,
    unseen: sampled.length - latencies.length,
    acceptedRate: accepted.length / ((lastAccepted - startedAt) / 1000),
    smtpP99: percentile(
      accepted.map((mail) => mail.acceptedAt - mail.scheduledAt),
      99,
    ),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
  };
}

/**
 * Where a steady phase's time went, every mail of it counted (not only those read), from the services' own records:
 * email-ingest's `received_at` (end of DATA), identity's start of the transaction that resolved the requester (its
 * `mail_received` timeline entry), and the ticket's insert time (`clock_timestamp()` in tickets).
 */
async function stagesOf(run, phase) {
  const received = await run.query('email-ingest', 'SELECT id::text, received_at FROM inbound_messages WHERE message_id LIKE $1', [
    `<latency.${phase}.%`,
  ]);
  const ids = received.map((row) => row.id);
  const resolved = await run.query(
    'identity',
    `SELECT details->>'inboundMessageId' AS id, occurred_at FROM contact_activities
      WHERE kind = 'mail_received' AND details->>'inboundMessageId' = ANY($1::text[])`,
    [ids],
  );
  const filed = await run.query(
    'tickets',
    'SELECT inbound_message_id::text AS id, created_at FROM ticket_messages WHERE inbound_message_id = ANY($1::uuid[])',
    [ids],
  );
  const resolvedAt = new Map(resolved.map((row) => [row.id, row.occurred_at.getTime()]));
  const filedAt = new Map(filed.map((row) => [row.id, row.created_at.getTime()]));
  const complete = received.filter((row) => resolvedAt.has(row.id) && filedAt.has(row.id));
  const toIdentity = complete.map((row) => resolvedAt.get(row.id) - row.received_at.getTime());
  const toTicket = complete.map((row) => filedAt.get(row.id) - resolvedAt.get(row.id));
  const total = complete.map((row) => filedAt.get(row.id) - row.received_at.getTime());
  const stage = (values) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
  return { mails: complete.length, toIdentity: stage(toIdentity), toTicket: stage(toTicket), total: stage(total) };
}

function keptUp(result) {
  return result.refused === 0 && result.unseen === 0 && result.acceptedRate >= 0.95 * result.rate && result.p99 <= KEEPS_UP_P99_MS;
}

/** Fails unless every known sender has a contact, so the known-sender phases measure known senders only. */
async function checkKnownSendersHaveContacts(run) {
  const addresses = Array.from({ length: KNOWN_SENDERS }, (_, index) => knownSender(index));
  const [{ count }] = await run.query('identity', 'SELECT count(*)::int AS count FROM contact_emails WHERE email = ANY($1::text[])', [
    addresses,
  ]);
  if (count !== KNOWN_SENDERS) throw new Error(`after the warm-up ${count} of the ${KNOWN_SENDERS} known senders have a contact`);
}

export async function latencyBenchmark({ quick, repeats, brokers, databaseUrl, profile, scenarios: only, progress = () => {}, log }) {
  const selected = only ?? Object.keys(SCENARIOS);
  const unknown = selected.filter((id) => !SCENARIOS[id]);
  if (unknown.length > 0)
    throw new Error(`unknown latency scenario ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}`);
  const dns = await startDnsStub();
  const relay = await startDiscardSmtp(0);
  const profileDir = path.join(workDir, 'profiles', 'latency');
  rmSync(profileDir, { recursive: true, force: true });
  const run = await createHelpgateRun({
    brokers,
    databaseUrl,
    profileDir: profile ? profileDir : undefined,
    env: { LOG_LEVEL: 'info', ...benchIngestEnv({ supportAddress: SUPPORT_ADDRESS, dnsAddress: dns.address, relayPort: relay.port }) },
  });
  const kafkaPid = pidListeningOn(Number(String(brokers).split(',')[0].split(':').at(-1)));
  if (!kafkaPid) log('the Kafka broker process was not found: its CPU is left out');
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: run.smtpPort,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
    secure: false,
    ignoreTLS: true,
  });
  // A pooled connection's failure also surfaces here; the mail it carried is counted refused by its own promise.
  transport.on('error', (error) => log(`  SMTP client: ${error.message}`));
  const steadySeconds = quick ? 10 : 60;
  const stepSeconds = quick ? 5 : 20;
  const steps = [10, 25, 50, 100, 200, 300, 400, 500, 600, 800, 1000, 1200];
  const steady = [];
  const searches = [];
  let watch;
  try {
    log('starting Helpgate (email-ingest, identity, tickets) ...');
    // Created up front, as a deployment would have them, so the services' start-up finds them all.
    await run.createTopics(loadContracts().allTopics, TOPIC_PARTITIONS);
    await run.start('identity');
    await run.start('tickets');
    await run.start('email-ingest');
    watch = await watchNewTickets(run, run.urlOf('tickets'));
    // Every known sender writes once, so has a contact before the known-sender phases (and the steps) are measured.
    const warmupRate = quick ? 200 : 100;
    log(`warming up: one mail from each of the ${KNOWN_SENDERS} known senders at ${warmupRate} msg/s ...`);
    await measurePhase({ transport, watch, phase: 'warmup', rate: warmupRate, seconds: KNOWN_SENDERS / warmupRate });
    await run.waitUntilIdle();
    await checkKnownSendersHaveContacts(run);
    const report = (complete) => latencyMarkdown({ steady, searches, steadySeconds, stepSeconds, quick, repeats, selected, complete });
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const scenario of ['known', 'new'].filter((id) => selected.includes(id))) {
        for (const rate of STEADY_RATES) {
          const phase = `${scenario}${repeat}-${rate}`;
          const senderOf = scenario === 'new' ? newSender(phase) : knownSender;
          const cpuOfPipeline = startPipelineCpu(run, kafkaPid);
          const cpuOfMachine = startMachineCpu();
          const harnessBefore = process.cpuUsage();
          const result = await measurePhase({ transport, watch, phase, rate, seconds: steadySeconds, senderOf });
          result.machine = cpuOfMachine();
          await run.waitUntilIdle();
          const harness = process.cpuUsage(harnessBefore);
          result.cpuMsPerMail = Object.fromEntries(
            Object.entries({ ...cpuOfPipeline(), harness: (harness.user + harness.system) / 1e6 }).map(([group, seconds]) => [
              group,
              (seconds / result.sent) * 1e3,
            ]),
          );
          result.scenario = scenario;
          result.stages = await stagesOf(run, phase);
          steady.push(result);
          log(
            `  [${repeat + 1}/${repeats}] ${SCENARIOS[scenario]}, ${rate} msg/s for ${steadySeconds} s: p50 ${round(result.p50)} ms, p95 ${round(result.p95)} ms, p99 ${round(result.p99)} ms, max ${round(result.max)} ms; ` +
              `p50 received → identity ${round(result.stages.toIdentity.p50)} ms, identity → ticket ${round(result.stages.toTicket.p50)} ms`,
          );
          progress(report(false));
        }
      }
      if (!selected.includes('search')) continue;
      const search = [];
      searches.push(search);
      for (const rate of steps) {
        const step = await measurePhase({ transport, watch, phase: `step${repeat}-${rate}`, rate, seconds: stepSeconds });
        search.push(step);
        log(
          `  [${repeat + 1}/${repeats}] ${rate} msg/s: accepted ${round(step.acceptedRate)}/s, p99 ${round(step.p99)} ms${keptUp(step) ? '' : ' — falls behind'}`,
        );
        await run.waitUntilIdle();
        progress(report(false));
        if (!keptUp(step)) break;
      }
    }
    let profiles = '';
    if (profile) {
      // email-ingest drains before it exits (and writes its profile): its SMTP clients must be gone first.
      transport.close();
      for (const service of ['email-ingest', 'identity', 'tickets']) await run.stop(service);
      profiles = profilesMarkdown(profileDir, ['email-ingest-1', 'identity-1', 'tickets-1'], 'over the whole latency run');
    }
    return { markdown: [report(true), profiles].join('\n\n') };
  } finally {
    await watch?.stop();
    transport.close();
    await run.cleanUp();
    await relay.close();
    await dns.close();
  }
}

function latencyMarkdown({ steady, searches, steadySeconds, stepSeconds, quick, repeats, selected, complete }) {
  const steadyScenarios = ['known', 'new'].filter((id) => selected.includes(id));
  const rowsOf = (scenario, rate) => steady.filter((result) => result.scenario === scenario && result.rate === rate);
  const steadyRows = (row) =>
    steadyScenarios.flatMap((scenario) => STEADY_RATES.map((rate) => row(scenario, rate, rowsOf(scenario, rate))));
  const highest = searches.map((search) => search.filter(keptUp).reduce((best, step) => Math.max(best, step.rate), 0));
  const lastSearch = searches.at(-1) ?? [];
  const lines = [
    `Mode: ${quick ? `**quick** (${steadySeconds} s steady phases, ${stepSeconds} s steps, 1 repeat: a check that the harness works, not a result)` : 'full'}; ${repeats} repeat(s), medians with (min–max); scenarios: ${selected.map((id) => SCENARIOS[id]).join(', ')}.`,
    `Mail: 5 KB MIME over ${CONNECTIONS} pooled SMTP connections (nodemailer), each mail a new ticket. Known senders: a pool of ${KNOWN_SENDERS.toLocaleString('en')} at ${ORGANIZATION_DOMAINS} organization domains, each of which wrote once during the warm-up (checked: every one has a contact before the phases are measured); the steps of the rate search use them too. New senders: every mail from an address never seen before, at the same ${ORGANIZATION_DOMAINS} domains (so each new contact is placed by a domain that many share). A mail's ticket id comes from \`tickets.ticket.changed.v3\` (published after the commit); it counts as readable when \`GET /tickets/:id\` (admin token signed with libs/auth) answers 200, so the figures can only overstate the latency. At most ${READS_PER_SECOND} mails per second are read (a systematic sample above that rate).`,
  ];
  if (steadyScenarios.length > 0)
    lines.push(
      '',
      `**Steady rates for ${steadySeconds} s each: SMTP 250 → ticket readable through the API, ms** (${TARGET_RATE} msg/s is the target's rate; ${STEADY_RATES[0]} msg/s shows the path when nothing queues)`,
      '',
      table(
        [
          'senders',
          'rate',
          'p50',
          'p95',
          'p99',
          'max',
          'mails sent',
          'read through the API',
          'refused',
          'never readable within 60 s',
          '250 later than scheduled, p99 ms',
        ],
        steadyRows((scenario, rate, results) => {
          const spread = (field) => medianWithSpread(results.map((result) => result[field]));
          return [
            SCENARIOS[scenario],
            `${rate} msg/s`,
            spread('p50'),
            spread('p95'),
            spread('p99'),
            spread('max'),
            spread('sent'),
            spread('read'),
            spread('refused'),
            spread('unseen'),
            spread('smtpP99'),
          ];
        }),
      ),
      '',
      `**Where the time goes in the steady phases, ms, p50 / p99** (every mail, from the services' own records: email-ingest's receipt at the end of DATA, identity's transaction that resolved the requester, the ticket's insert; the \`250\` comes between the first two, after the receipt's commit)`,
      '',
      table(
        ['senders', 'rate', 'mails', 'received → identity resolves', 'identity resolves → ticket inserted', 'received → ticket inserted'],
        steadyRows((scenario, rate, results) => {
          const spread = (pick) => medianWithSpread(results.map((result) => pick(result.stages)));
          return [
            SCENARIOS[scenario],
            `${rate} msg/s`,
            spread((stage) => stage.mails),
            `${spread((stage) => stage.toIdentity.p50)} / ${spread((stage) => stage.toIdentity.p99)}`,
            `${spread((stage) => stage.toTicket.p50)} / ${spread((stage) => stage.toTicket.p99)}`,
            `${spread((stage) => stage.total.p50)} / ${spread((stage) => stage.total.p99)}`,
          ];
        }),
      ),
      '',
      `**CPU in the steady phases** (user + system from /proc, from the first mail of the phase until the services caught up, per mail sent, ms; Postgres is every \`postgres\` process, this run's backends apart from the rest; the harness is this benchmark's own process: the SMTP client, the ticket watcher and the reads; the machine's busy CPUs are from /proc/stat over the phase itself, every process counted: at close to all of them, every stage waits for a CPU)`,
      '',
      table(
        [
          'senders',
          'rate',
          'machine busy, CPUs',
          'email-ingest',
          'identity',
          'tickets',
          'Postgres: this run',
          'Postgres: other',
          'Kafka broker',
          'harness',
        ],
        steadyRows((scenario, rate, results) => {
          const spread = (group) => medianWithSpread(results.map((result) => result.cpuMsPerMail[group]));
          return [
            SCENARIOS[scenario],
            `${rate} msg/s`,
            `${medianWithSpread(results.map((result) => result.machine.busyCpus))} of ${results[0]?.machine.cpus}`,
            ...['email-ingest', 'identity', 'tickets', 'postgres-run', 'postgres-other', 'kafka', 'harness'].map(spread),
          ];
        }),
      ),
    );
  if (searches.length > 0)
    lines.push(
      '',
      `**Highest steady rate kept up with** (known senders; steps of ${stepSeconds} s, each from idle; kept up: every mail answered 250, at ≥ 95 % of the rate, and p99 ≤ ${KEEPS_UP_P99_MS} ms): ${medianWithSpread(highest)} msg/s`,
      '',
      `Steps of the last repeat:`,
      '',
      table(
        ['rate', 'accepted/s', 'p50 ms', 'p99 ms', 'max ms', 'refused', 'kept up'],
        lastSearch.map((step) => [
          String(step.rate),
          round(step.acceptedRate),
          round(step.p50),
          round(step.p99),
          round(step.max),
          String(step.refused),
          keptUp(step) ? 'yes' : 'no',
        ]),
      ),
    );
  const targets = steadyScenarios.flatMap((scenario) => {
    const atTarget = rowsOf(scenario, TARGET_RATE);
    if (atTarget.length === 0) return [];
    const p50 = median(atTarget.map((result) => result.p50));
    const p99 = median(atTarget.map((result) => result.p99));
    return [
      `- ${SCENARIOS[scenario]}, p50 under 150 ms at ${TARGET_RATE} msg/s: ${round(p50)} ms — ${p50 < 150 ? '**met**' : '**missed**'}.`,
      `- ${SCENARIOS[scenario]}, p99 under 500 ms at ${TARGET_RATE} msg/s: ${round(p99)} ms — ${p99 < 500 ? '**met**' : '**missed**'}.`,
    ];
  });
  // A search still climbing has not found its highest rate yet.
  if (searches.length > 0 && complete)
    targets.push(
      `- highest steady rate 500 msg/s or more: ${round(median(highest))} msg/s — ${median(highest) >= 500 ? '**met**' : '**missed**'}.`,
    );
  if (targets.length > 0) lines.push('', '**Targets**', '', ...targets);
  return lines.join('\n');
}
