// Benchmark 2: how many events per second identity and tickets work off a backlog, with one and with two
// instances each, next to what Postgres itself takes on this machine in the same run.
//
// A backlog of inbound-mail events (built with the contracts of libs/contracts) is produced before any
// consumer starts; identity is started and timed until its consumer group has no lag; once its outbox has
// published every `identity.requester.resolved.v2`, identity is stopped and tickets is timed the same way
// on that backlog.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadContracts } from './lib/compiled-libs.mjs';
import { cpuSecondsOfCommandSince, cpuSnapshotOfCommand, totalCpuSecondsOf } from './lib/cpu.mjs';
import { createHelpgateRun, databaseUrlFor, TOPIC_PARTITIONS, uniqueRunName } from './lib/helpgate.mjs';
import { produceInboundMail } from './lib/inbound-events.mjs';
import { topicSize, withAdmin } from './lib/kafka.mjs';
import { repoRoot, workDir } from './lib/paths.mjs';
import { profilesMarkdown } from './lib/profile.mjs';
import { table } from './lib/report.mjs';
import { median, medianWithSpread, round } from './lib/stats.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const { Client } = require('pg');

const MAILS_PER_SENDER = 5;

async function produceBacklog(run, contracts, events) {
  const senders = Math.max(1, Math.floor(events / MAILS_PER_SENDER));
  await produceInboundMail(run, contracts, events, (sequence) => {
    const senderIndex = sequence % senders;
    return { address: `customer${senderIndex}@org${senderIndex % 200}.bench.test`, name: `Customer ${senderIndex}` };
  });
}

/**
 * Starts `instances` of the service and times it from its first handled event (processed_events keeps
 * when each was handled) until its consumer group has committed every topic it consumes. `mailTopic`
 * carries the mail flow; anything else it handled meanwhile (tickets also follows identity's contact
 * events) is counted apart.
 */
async function timeConsumer(run, service, instances, mailTopic, events) {
  await run.start(service, instances);
  const cpuAtStart = totalCpuSecondsOf(run.pidsOf(service));
  const postgresAtStart = cpuSnapshotOfCommand('postgres');
  const [{ handled: handledAtStart }] = await run.query(service, 'SELECT count(*)::int AS handled FROM processed_events');
  while ((await run.lagOf(service)) > 0) await sleep(100);
  const finishedAt = Date.now();
  const cpu = totalCpuSecondsOf(run.pidsOf(service)) - cpuAtStart;
  const postgresCpu = cpuSecondsOfCommandSince('postgres', postgresAtStart);
  const [{ first, mails, others }] = await run.query(
    service,
    `SELECT (extract(epoch FROM min(processed_at)) * 1000)::float8 AS first,
            (count(*) FILTER (WHERE topic = $1))::int AS mails, (count(*) FILTER (WHERE topic <> $1))::int AS others
       FROM processed_events`,
    [mailTopic],
  );
  if (mails !== events) throw new Error(`${service} handled ${mails} of ${events} events`);
  const seconds = (finishedAt - first) / 1000;
  const handled = mails + others - handledAtStart;
  return {
    seconds,
    rate: events / seconds,
    otherEvents: others,
    cpuMicrosPerEvent: (cpu / handled) * 1e6,
    postgresCpuMicrosPerEvent: (postgresCpu / handled) * 1e6,
  };
}

/** Waits until the service's outbox has published `count` records to the topic. */
async function waitForPublished(run, topic, count, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  await withAdmin(run.kafka, async (admin) => {
    while ((await topicSize(admin, run.topic(topic))) < count) {
      if (Date.now() > deadline) throw new Error(`${topic} did not reach ${count} records`);
      await sleep(200);
    }
  });
}

/**
 * What Postgres itself takes on this machine, through the same driver the services use: single-row
 * INSERTs each committed on their own from one connection, and rows inserted 1,000 per statement.
 */
export async function postgresCeiling(databaseUrl, seconds) {
  const name = uniqueRunName('bench_pg');
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const client = new Client({ connectionString: databaseUrlFor(databaseUrl, name) });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE ledger (event_id uuid PRIMARY KEY, topic text NOT NULL, processed_at timestamptz NOT NULL DEFAULT now())',
    );
    const timed = async (work) => {
      let rows = 0;
      const deadline = performance.now() + seconds * 1000;
      const started = performance.now();
      while (performance.now() < deadline) rows += await work();
      return rows / ((performance.now() - started) / 1000);
    };
    const singleRowCommits = await timed(async () => {
      await client.query('INSERT INTO ledger (event_id, topic) VALUES ($1, $2)', [randomUUID(), 'bench']);
      return 1;
    });
    const batchedRows = await timed(async () => {
      const ids = Array.from({ length: 1000 }, () => randomUUID());
      await client.query("INSERT INTO ledger (event_id, topic) SELECT id, 'bench' FROM unnest($1::uuid[]) AS t(id)", [ids]);
      return ids.length;
    });
    return { singleRowCommits, batchedRows };
  } finally {
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

export async function consumersBenchmark({ quick, repeats, brokers, databaseUrl, profile, log }) {
  const contracts = loadContracts();
  const events = quick ? 3_000 : 50_000;
  const results = [];
  const ceilings = [];
  const profileDir = path.join(workDir, 'profiles', 'consumers');
  rmSync(profileDir, { recursive: true, force: true });
  for (let repeat = 0; repeat < repeats; repeat++) {
    const ceiling = await postgresCeiling(databaseUrl, quick ? 2 : 5);
    ceilings.push(ceiling);
    log(
      `  [${repeat + 1}/${repeats}] Postgres: ${round(ceiling.singleRowCommits)} single-row commits/s, ${round(ceiling.batchedRows)} rows/s in batches of 1,000`,
    );
    for (const instances of [1, 2]) {
      // With --profile, the one-instance run of the first repeat is profiled.
      const profiled = profile && repeat === 0 && instances === 1;
      const run = await createHelpgateRun({
        brokers,
        databaseUrl,
        env: { LOG_LEVEL: 'info' },
        profileDir: profiled ? profileDir : undefined,
      });
      try {
        await run.createTopics(contracts.allTopics, TOPIC_PARTITIONS);
        await produceBacklog(run, contracts, events);
        const identity = await timeConsumer(run, 'identity', instances, contracts.Topics.EmailInboundReceived, events);
        const publishStarted = Date.now();
        await waitForPublished(run, contracts.Topics.IdentityRequesterResolved, events);
        identity.outboxTrailSeconds = (Date.now() - publishStarted) / 1000;
        await run.stop('identity');
        const tickets = await timeConsumer(run, 'tickets', instances, contracts.Topics.IdentityRequesterResolved, events);
        const [{ count: ticketCount }] = await run.query('tickets', 'SELECT count(*)::int AS count FROM tickets');
        if (ticketCount !== events) throw new Error(`tickets opened ${ticketCount} tickets for ${events} mails`);
        await run.stop('tickets');
        results.push({ repeat, instances, identity, tickets });
        log(
          `  [${repeat + 1}/${repeats}] ${instances} instance(s): identity ${round(identity.rate)} events/s (${round(identity.cpuMicrosPerEvent)} µs CPU each), ` +
            `tickets ${round(tickets.rate)} events/s (${round(tickets.cpuMicrosPerEvent)} µs CPU each); ` +
            `Postgres CPU per event: identity ${round(identity.postgresCpuMicrosPerEvent)} µs, tickets ${round(tickets.postgresCpuMicrosPerEvent)} µs`,
        );
      } finally {
        await run.cleanUp();
      }
    }
  }
  const profiles = profile ? profilesMarkdown(profileDir, ['identity-1', 'tickets-1'], 'working off the backlog, one instance') : '';
  return { markdown: [consumersMarkdown({ results, ceilings, events, quick, repeats }), profiles].join('\n\n'), results };
}

function consumersMarkdown({ results, ceilings, events, quick, repeats }) {
  const of = (instances, service) => results.filter((result) => result.instances === instances).map((result) => result[service]);
  const singleRow = ceilings.map((ceiling) => ceiling.singleRowCommits);
  const rows = [1, 2].flatMap((instances) =>
    ['identity', 'tickets'].map((service) => [
      service,
      String(instances),
      medianWithSpread(of(instances, service).map((result) => result.rate)),
      medianWithSpread(of(instances, service).map((result) => result.seconds)),
      medianWithSpread(of(instances, service).map((result) => result.cpuMicrosPerEvent)),
      medianWithSpread(of(instances, service).map((result) => result.postgresCpuMicrosPerEvent)),
      medianWithSpread(
        results
          .filter((result) => result.instances === instances)
          .map((result) => result[service].rate / ceilings[result.repeat].singleRowCommits),
      ),
    ]),
  );
  const best = (service) => Math.max(...[1, 2].map((instances) => median(of(instances, service).map((result) => result.rate))));
  return [
    `Mode: ${quick ? '**quick** (3,000 events, 1 repeat: a check that the harness works, not a result)' : 'full'}; ${repeats} repeat(s), medians with (min–max).`,
    `Backlog: ${events.toLocaleString('en')} \`email.inbound.received.v2\` events from ${(events / MAILS_PER_SENDER).toLocaleString('en')} senders (${MAILS_PER_SENDER} mails each, so one in ${MAILS_PER_SENDER} creates a contact), keyed by sender, ${TOPIC_PARTITIONS} partitions per topic; tickets then works off the ${events.toLocaleString('en')} \`identity.requester.resolved.v2\` events identity published (every mail a new ticket). Timed from the first handled event to consumer-group lag 0; Postgres CPU is that of every \`postgres\` process on the machine (server and backends) over the same interval.`,
    '',
    '**Postgres on this machine, same run** (node `pg`, one connection)',
    '',
    table(
      ['single-row INSERT commits/s', 'rows/s, 1,000 per INSERT'],
      [[medianWithSpread(singleRow), medianWithSpread(ceilings.map((ceiling) => ceiling.batchedRows))]],
    ),
    '',
    '**Consumers**',
    '',
    table(
      [
        'service',
        'instances',
        'events/s',
        'seconds for the backlog',
        'CPU µs per handled event (all instances)',
        'Postgres CPU µs per handled event',
        'events/s ÷ single-row commits/s',
      ],
      rows,
    ),
    '',
    `While working off the mail, tickets also handled ${medianWithSpread(results.map((result) => result.tickets.otherEvents))} \`identity.contact.changed.v1\` events (one per contact identity created); they count in its time and CPU, not in its events/s.`,
    '',
    `Identity's outbox had published the last \`identity.requester.resolved.v2\` ${medianWithSpread(results.map((result) => result.identity.outboxTrailSeconds))} s after its consumer group reached lag 0.`,
    '',
    '**Target** (2,000 events/s or more per service)',
    '',
    ...['identity', 'tickets'].map(
      (service) => `- ${service}: best ${round(best(service))} events/s — ${best(service) >= 2000 ? '**met**' : '**missed**'}.`,
    ),
  ].join('\n');
}
