// Benchmark 3: end-to-end latency, from the SMTP 250 to the ticket readable through the tickets API, at a
// steady rate; then the highest steady rate at which the whole pipeline keeps up.
//
// Mail is sent on a fixed schedule (message i at start + i / rate) over a pool of SMTP connections; a
// poller reads the newest tickets through the API back to back and notes when each mail's ticket first
// appears. The poll itself takes a few milliseconds, which bounds the resolution of every figure here.
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDiscardSmtp } from './lib/discard-smtp.mjs';
import { loadContracts } from './lib/compiled-libs.mjs';
import { startDnsStub } from './lib/dns-stub.mjs';
import { benchIngestEnv, createHelpgateRun, TOPIC_PARTITIONS } from './lib/helpgate.mjs';
import { mimeMessage } from './lib/mail.mjs';
import { repoRoot } from './lib/paths.mjs';
import { table } from './lib/report.mjs';
import { median, medianWithSpread, percentile, round } from './lib/stats.mjs';
import { fetchRecentTickets } from './lib/tickets-api.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const nodemailer = require('nodemailer');

const SUPPORT_ADDRESS = 'support@helpgate.test';
const SENDERS = 2_000;
const CONNECTIONS = 50;
/** A rate is kept up with when every mail got its 250 on schedule and 99 % of tickets were readable within this. */
const KEEPS_UP_P99_MS = 1_000;
/** Newest tickets per poll, and the pause between polls: enough to see every ticket, light enough not to slow tickets down. */
const POLL_LIMIT = 100;
const POLL_GAP_MS = 20;

/** Sends `rate` mails per second for `seconds`, and measures each one from its 250 to its ticket. */
async function measurePhase({ transport, ticketsUrl, phase, rate, seconds }) {
  const count = Math.round(rate * seconds);
  const mails = [];
  const bySubject = new Map();
  let polling = true;
  let polls = 0;
  const pollingSince = performance.now();
  const poller = (async () => {
    while (polling) {
      const tickets = await fetchRecentTickets(ticketsUrl, { limit: POLL_LIMIT });
      const now = performance.now();
      polls++;
      for (const ticket of tickets) {
        const mail = bySubject.get(ticket.subject);
        if (mail && mail.readableAt === undefined) mail.readableAt = now;
      }
      await sleep(POLL_GAP_MS);
    }
  })();

  const startedAt = performance.now() + 50;
  const sends = [];
  for (let index = 0; index < count; index++) {
    const scheduledAt = startedAt + (index * 1000) / rate;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await sleep(wait);
    const sender = `customer${index % SENDERS}@org${index % 200}.bench.test`;
    const subject = `Latency ${phase} ${index}`;
    const mail = { scheduledAt };
    mails.push(mail);
    bySubject.set(subject, mail);
    const raw = mimeMessage('5k', {
      from: sender,
      subject,
      messageId: `<latency.${phase}.${index}@org${index % 200}.bench.test>`,
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
  const deadline = performance.now() + 60_000;
  while (accepted.some((mail) => mail.readableAt === undefined) && performance.now() < deadline) await sleep(50);
  polling = false;
  await poller;
  const pollMs = (performance.now() - pollingSince) / polls;

  const latencies = accepted.filter((mail) => mail.readableAt !== undefined).map((mail) => mail.readableAt - mail.acceptedAt);
  const lastAccepted = Math.max(...accepted.map((mail) => mail.acceptedAt));
  return {
    rate,
    sent: count,
    accepted: accepted.length,
    refused: count - accepted.length,
    unseen: accepted.length - latencies.length,
    acceptedRate: accepted.length / ((lastAccepted - startedAt) / 1000),
    smtpP99: percentile(
      accepted.map((mail) => mail.acceptedAt - mail.scheduledAt),
      99,
    ),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    pollMs,
  };
}

function keptUp(result) {
  return result.refused === 0 && result.unseen === 0 && result.acceptedRate >= 0.95 * result.rate && result.p99 <= KEEPS_UP_P99_MS;
}

export async function latencyBenchmark({ quick, repeats, brokers, databaseUrl, log }) {
  const dns = await startDnsStub();
  const relay = await startDiscardSmtp(0);
  const run = await createHelpgateRun({
    brokers,
    databaseUrl,
    env: { LOG_LEVEL: 'info', ...benchIngestEnv({ supportAddress: SUPPORT_ADDRESS, dnsAddress: dns.address, relayPort: relay.port }) },
  });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: run.smtpPort,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Infinity,
    secure: false,
    ignoreTLS: true,
  });
  const steadyRate = 100;
  const steadySeconds = quick ? 10 : 60;
  const stepSeconds = quick ? 5 : 20;
  const steps = [100, 200, 300, 400, 500, 600, 800, 1000, 1200];
  const steady = [];
  const searches = [];
  try {
    log('starting Helpgate (email-ingest, identity, tickets) ...');
    // Created up front, as a deployment would have them, so the services' start-up finds them all.
    await run.createTopics(loadContracts().allTopics, TOPIC_PARTITIONS);
    await run.start('identity');
    await run.start('tickets');
    await run.start('email-ingest');
    const ticketsUrl = run.urlOf('tickets');
    log('warming up ...');
    await measurePhase({ transport, ticketsUrl, phase: 'warmup', rate: 50, seconds: quick ? 4 : 10 });
    await run.waitUntilIdle();
    for (let repeat = 0; repeat < repeats; repeat++) {
      const result = await measurePhase({ transport, ticketsUrl, phase: `steady${repeat}`, rate: steadyRate, seconds: steadySeconds });
      steady.push(result);
      log(
        `  [${repeat + 1}/${repeats}] ${steadyRate} msg/s for ${steadySeconds} s: p50 ${round(result.p50)} ms, p95 ${round(result.p95)} ms, p99 ${round(result.p99)} ms, max ${round(result.max)} ms`,
      );
      await run.waitUntilIdle();
      const search = [];
      for (const rate of steps) {
        const step = await measurePhase({ transport, ticketsUrl, phase: `step${repeat}-${rate}`, rate, seconds: stepSeconds });
        search.push(step);
        log(
          `  [${repeat + 1}/${repeats}] ${rate} msg/s: accepted ${round(step.acceptedRate)}/s, p99 ${round(step.p99)} ms${keptUp(step) ? '' : ' — falls behind'}`,
        );
        await run.waitUntilIdle();
        if (!keptUp(step)) break;
      }
      searches.push(search);
    }
    return { markdown: latencyMarkdown({ steady, searches, steadyRate, steadySeconds, stepSeconds, quick, repeats }) };
  } finally {
    transport.close();
    await run.cleanUp();
    await relay.close();
    await dns.close();
  }
}

function latencyMarkdown({ steady, searches, steadyRate, steadySeconds, stepSeconds, quick, repeats }) {
  const highest = searches.map((search) => search.filter(keptUp).reduce((best, step) => Math.max(best, step.rate), 0));
  const p50 = steady.map((result) => result.p50);
  const p99 = steady.map((result) => result.p99);
  const lastSearch = searches.at(-1) ?? [];
  return [
    `Mode: ${quick ? `**quick** (${steadySeconds} s steady phase, ${stepSeconds} s steps, 1 repeat: a check that the harness works, not a result)` : 'full'}; ${repeats} repeat(s), medians with (min–max).`,
    `Mail: 5 KB MIME from ${SENDERS.toLocaleString('en')} senders over ${CONNECTIONS} pooled SMTP connections (nodemailer), each mail a new ticket; tickets read through \`GET /tickets?limit=${POLL_LIMIT}\` with ${POLL_GAP_MS} ms between polls (one poll every ${round(steady[0]?.pollMs ?? NaN)} ms on average, which bounds the resolution). Each poll carries an admin Bearer token signed with libs/auth.`,
    '',
    `**${steadyRate} messages per second for ${steadySeconds} s: SMTP 250 → ticket readable through the API, ms**`,
    '',
    table(
      ['p50', 'p95', 'p99', 'max', 'mails', 'refused', 'never seen', '250 later than scheduled, p99 ms'],
      [
        [
          medianWithSpread(p50),
          medianWithSpread(steady.map((result) => result.p95)),
          medianWithSpread(p99),
          medianWithSpread(steady.map((result) => result.max)),
          medianWithSpread(steady.map((result) => result.sent)),
          medianWithSpread(steady.map((result) => result.refused)),
          medianWithSpread(steady.map((result) => result.unseen)),
          medianWithSpread(steady.map((result) => result.smtpP99)),
        ],
      ],
    ),
    '',
    `**Highest steady rate kept up with** (steps of ${stepSeconds} s, each from idle; kept up: every mail answered 250, at ≥ 95 % of the rate, and p99 ≤ ${KEEPS_UP_P99_MS} ms): ${medianWithSpread(highest)} msg/s`,
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
    '',
    '**Targets**',
    '',
    `- p50 under 150 ms: ${round(median(p50))} ms — ${median(p50) < 150 ? '**met**' : '**missed**'}.`,
    `- p99 under 500 ms: ${round(median(p99))} ms — ${median(p99) < 500 ? '**met**' : '**missed**'}.`,
    `- highest steady rate 500 msg/s or more: ${round(median(highest))} msg/s — ${median(highest) >= 500 ? '**met**' : '**missed**'}.`,
  ].join('\n');
}
