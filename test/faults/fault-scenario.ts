import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceName, services } from '../../scripts/lib/service-processes.cjs';
import { EmailInboundReceivedV2, EmailOutboundDeliveredV1, TopicName, Topics } from '@helpgate/contracts';
import { EVENT_HEADERS } from '@helpgate/kafka';
import { allContacts, allTickets, countTickets } from '../support/helpgate-api';
import { eventually } from '../support/infra';
import { LoadMessage, loadMessages, LoadOptions, MessageAttempt, resendUntilAccepted, SmtpLoad } from '../support/smtp-load';
import { startStack, Stack, StackOptions } from '../support/stack';
import { TestRelay } from '../support/test-relay';
import { FaultRow, recordFaultRow } from './fault-table';
import { LostMessageTrail, lostMessageTrails, Observed, outcomeCount, tally } from './fault-tally';

/** Messages per scenario: FAULTS_MESSAGES, 2,000 by default. */
export const loadSize = Number(process.env.FAULTS_MESSAGES ?? 2_000);
if (!Number.isInteger(loadSize) || loadSize < 20) throw new Error(`FAULTS_MESSAGES must be a whole number of 20 or more, got ${loadSize}`);

/** How long the messages refused during the outage may take to be accepted when sent again. */
const resendTimeoutMs = 180_000;

/** How long the pipeline may take to open the tickets of every accepted message. */
const ticketsTimeoutMs = 60_000 + loadSize * 100;

/** How long every service may take to consume everything once the tickets are there. */
const idleTimeoutMs = 60_000;

/**
 * How long acknowledgements may take once the tickets are there: a delivery whose claim was committed just as the
 * database went away (the sender never heard back) is taken again when the claim's lease (two minutes) runs out.
 */
const acknowledgementsTimeoutMs = 150_000;

/**
 * Time for one scenario: the stack, the load at a slow pace and the fault, then every wait of the count in full,
 * so a scenario that misses something still prints its row (what was lost) instead of timing out without one.
 */
export const scenarioTimeoutMs = 180_000 + loadSize * 150 + resendTimeoutMs + ticketsTimeoutMs + idleTimeoutMs + acknowledgementsTimeoutMs;

/** Log lines of each service a scenario that lost mail prints. */
const maxReportedWarnings = 60;

/** Refusals that show an outage has hit the load: then the part taken away may come back. */
const refusalsDuringOutage = 10;

/** Settings for a stack that takes a whole load from one client address. */
const loadSettings: NodeJS.ProcessEnv = {
  // The load comes from 127.0.0.1 alone, which the per-client limits are there to slow down.
  SMTP_MAX_MESSAGES_PER_MINUTE_PER_CLIENT: '1000000',
  SMTP_MAX_CONNECTIONS_PER_CLIENT: '1000',
  // Each sender sends a few messages; a restart must not make their retries look like a flood.
  INBOUND_FLOOD_LIMIT: '1000000',
  OUTBOUND_RETRY_BASE_MS: '1000',
};

/**
 * One fault-injection scenario: the four services as processes (acknowledgements going to a test relay), a load of
 * uniquely marked messages, and the count afterwards of what became of each message.
 */
export class FaultScenario {
  readonly messages: LoadMessage[];

  private constructor(
    readonly name: string,
    readonly stack: Stack,
    readonly relay: TestRelay,
  ) {
    this.messages = loadMessages(`f${Date.now().toString(36)}`, loadSize);
  }

  static async start(name: string, options: StackOptions = {}): Promise<FaultScenario> {
    const relay = await TestRelay.start();
    try {
      const stack = await startStack({ ...options, env: { ...loadSettings, SMTP_RELAY_URL: relay.url, ...options.env } });
      await stack.kafka.record(Topics.EmailInboundReceived, Topics.EmailOutboundDelivered);
      return new FaultScenario(name, stack, relay);
    } catch (error) {
      await relay.close();
      throw error;
    }
  }

  startLoad(options?: LoadOptions): SmtpLoad {
    return SmtpLoad.start(this.stack.smtpPort, this.messages, options);
  }

  /**
   * Runs the load and, once `share` of it is answered, takes a part the services depend on away; brings it back
   * once mail is refused with 4xx. Expects every message to have been answered 250 or 4xx, and returns the answers.
   */
  async loadThroughOutage(share: number, outage: { stop(): Promise<void>; restart(): Promise<void> }): Promise<MessageAttempt[]> {
    const load = this.startLoad();
    await load.decidedAtLeast(loadSize * share);
    await outage.stop();
    await until('mail is refused with 4xx', () => outcomeCount(load.attempts, 'temporary') >= refusalsDuringOutage);
    await outage.restart();
    const first = await load.finished;
    expect(outcomeCount(first, 'temporary')).toBeGreaterThanOrEqual(refusalsDuringOutage);
    expect(outcomeCount(first, 'temporary') + outcomeCount(first, 'accepted')).toBe(loadSize);
    return first;
  }

  /**
   * Sends again what was not accepted until it is, then expects each message to have become exactly one ticket,
   * acknowledged once, each sender exactly one contact, and every service to be up.
   */
  async expectEachMessageOnce(first: MessageAttempt[]): Promise<void> {
    const resent = await this.resendRefused(first);
    expect(outcomeCount(resent, 'accepted')).toBe(resent.length);
    const row = await this.count(first, resent);
    expect(row).toMatchObject({ tickets: loadSize, acknowledgements: loadSize, lost: 0, duplicated: 0 });
    expect(await this.health()).toEqual(everyServiceHealthy);
  }

  /** Sends again every message not answered 250, as the sending server would, until it is. */
  private resendRefused(first: MessageAttempt[]): Promise<MessageAttempt[]> {
    const refused = first.filter((attempt) => attempt.outcome !== 'accepted').map((attempt) => attempt.message);
    return resendUntilAccepted(this.stack.smtpPort, refused, { timeoutMs: resendTimeoutMs });
  }

  /** Resolves once the pipeline has opened at least `count` tickets (or the time is up: the count then shows what is missing). */
  private async ticketsOpened(count: number, timeoutMs = ticketsTimeoutMs): Promise<void> {
    await eventually(async () => expect(await countTickets(this.stack)).toBeGreaterThanOrEqual(count), timeoutMs, 1_000).catch(
      () => undefined,
    );
  }

  /**
   * Waits until every accepted message could have become a ticket and been acknowledged and every service has
   * consumed everything, then counts what became of the messages, records the scenario's row and returns it.
   */
  private async count(first: MessageAttempt[], resent: MessageAttempt[]): Promise<FaultRow> {
    const accepted = new Set([...first, ...resent].filter((attempt) => attempt.outcome === 'accepted').map((attempt) => attempt.message));
    await this.ticketsOpened(accepted.size);
    await this.stack.waitUntilIdle(idleTimeoutMs).catch(() => undefined);
    await eventually(() => {
      const { acknowledgements, recordedDeliveries } = this.outboundMail();
      expect(acknowledgements.length).toBeGreaterThanOrEqual(accepted.size);
      expect(acknowledgements.filter((mail) => !recordedDeliveries.has(mail.messageId))).toEqual([]);
    }, acknowledgementsTimeoutMs).catch(() => undefined);
    const observed: Observed = {
      tickets: await allTickets(this.stack),
      contacts: await allContacts(this.stack),
      inboundEvents: this.published<EmailInboundReceivedV2>(Topics.EmailInboundReceived).map(({ eventId, mail }) => ({
        eventId,
        messageId: mail.messageId,
      })),
      ...this.outboundMail(),
    };
    const row = tally(this.name, first, resent, observed);
    recordFaultRow(row);
    if (row.lost > 0) await this.reportLoss(lostMessageTrails(first, resent, observed));
    return row;
  }

  /** Prints where each lost message was last seen and what the services warned of, for whoever reads a failed run. */
  private async reportLoss(trails: LostMessageTrail[]): Promise<void> {
    const unconsumed = await this.stack.unconsumed();
    const warnings = services.flatMap((service) =>
      this.stack
        .logsOf(service)
        .filter((line) => Number(/"level":(\d+)/.exec(line)?.[1] ?? 0) >= 40)
        .slice(-maxReportedWarnings)
        .map((line) => `${service}: ${line.slice(0, 2000)}`),
    );
    process.stderr.write(
      `\n${this.name}: accepted messages without a ticket\n${trails.map((trail) => JSON.stringify(trail)).join('\n')}\n` +
        `\nrecords not consumed yet, by service: ${JSON.stringify(unconsumed)}\n` +
        `\nwarnings and errors the services logged (the last ${maxReportedWarnings} of each)\n${warnings.join('\n')}\n`,
    );
  }

  /** The acknowledgements the relay received, and the outbound mail email-ingest recorded as delivered. */
  private outboundMail(): Pick<Observed, 'acknowledgements' | 'recordedDeliveries'> {
    const acknowledgements = this.relay.received
      .filter((mail) => mail.parsed.headers.get('auto-submitted') === 'auto-replied')
      .map((mail) => ({ messageId: mail.parsed.messageId ?? '', inReplyTo: mail.parsed.inReplyTo ?? '' }));
    const delivered = this.published<EmailOutboundDeliveredV1>(Topics.EmailOutboundDelivered);
    return { acknowledgements, recordedDeliveries: new Set(delivered.map((event) => event.messageId)) };
  }

  /** The events a service published to the topic; a scenario may write records of its own there too. */
  private published<T>(topic: TopicName): T[] {
    return this.stack.kafka
      .messages(topic)
      .filter((message) => message.headers[EVENT_HEADERS.eventType] === topic)
      .map((message) => JSON.parse(message.value!) as T);
  }

  /** The HTTP status of each service's /health, or that it does not answer. */
  private async health(): Promise<Record<ServiceName, number | string>> {
    const statuses = await Promise.all(
      services.map(async (service) => {
        const status = await fetch(`${this.stack.url[service]}/health`).then(
          (response) => response.status,
          () => 'not answering',
        );
        return [service, status] as const;
      }),
    );
    return Object.fromEntries(statuses) as Record<ServiceName, number | string>;
  }

  async cleanUp(): Promise<void> {
    await this.stack.cleanUp();
    await this.relay.close();
  }
}

const everyServiceHealthy = Object.fromEntries(services.map((service) => [service, 200]));

/** Waits until `predicate` holds, checking every 100 ms; the scenario fails at the deadline. */
async function until(what: string, predicate: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}
