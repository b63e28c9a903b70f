import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceName, services } from '../../scripts/lib/service-processes.cjs';
import { allContacts, allTickets, ContactSummary, countTickets, TicketSummary } from '../support/helpgate-api';
import { eventually } from '../support/infra';
import {
  LoadMessage,
  loadMessages,
  LoadOptions,
  MessageAttempt,
  resendUntilAccepted,
  SmtpLoad,
  SmtpOutcome,
  tokenInSubject,
} from '../support/smtp-load';
import { startStack, Stack, StackOptions } from '../support/stack';
import { TestRelay } from '../support/test-relay';
import { FaultRow, recordFaultRow } from './fault-table';

/** Messages per scenario: FAULTS_MESSAGES, 2,000 by default. */
export const loadSize = Number(process.env.FAULTS_MESSAGES ?? 2_000);
if (!Number.isInteger(loadSize) || loadSize < 20) throw new Error(`FAULTS_MESSAGES must be a whole number of 20 or more, got ${loadSize}`);

/** Time for one scenario: the stack, the load at a slow pace, the fault, and the pipeline catching up. */
export const scenarioTimeoutMs = 180_000 + loadSize * 150;

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
      return new FaultScenario(name, stack, relay);
    } catch (error) {
      await relay.close();
      throw error;
    }
  }

  startLoad(options?: LoadOptions): SmtpLoad {
    return SmtpLoad.start(this.stack.smtpPort, this.messages, options);
  }

  /** Sends again every message not answered 250, as the sending server would, until it is. */
  resendRefused(first: MessageAttempt[]): Promise<MessageAttempt[]> {
    const refused = first.filter((attempt) => attempt.outcome !== 'accepted').map((attempt) => attempt.message);
    return resendUntilAccepted(this.stack.smtpPort, refused, { timeoutMs: 180_000 });
  }

  /** Resolves once the pipeline has opened at least `count` tickets (or the time is up: the count then shows what is missing). */
  async ticketsOpened(count: number, timeoutMs = 60_000 + loadSize * 100): Promise<void> {
    await eventually(async () => expect(await countTickets(this.stack.url.tickets)).toBeGreaterThanOrEqual(count), timeoutMs, 1_000).catch(
      () => undefined,
    );
  }

  /**
   * Waits until every accepted message could have become a ticket and every service has consumed everything,
   * then counts tickets and contacts against the messages, records the scenario's row and returns it.
   */
  async count(first: MessageAttempt[], resent: MessageAttempt[] = []): Promise<FaultRow> {
    const accepted = [...first, ...resent].filter((attempt) => attempt.outcome === 'accepted');
    await this.ticketsOpened(new Set(accepted.map((attempt) => attempt.message.token)).size);
    await this.stack.waitUntilIdle(60_000).catch(() => undefined);
    const row = tally(this.name, first, resent, await allTickets(this.stack.url.tickets), await allContacts(this.stack.url.identity));
    recordFaultRow(row);
    return row;
  }

  /** The HTTP status of each service's /health, or that it does not answer. */
  async health(): Promise<Record<ServiceName, number | string>> {
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

export const everyServiceHealthy = Object.fromEntries(services.map((service) => [service, 200]));

export function outcomeCount(attempts: readonly (MessageAttempt | undefined)[], outcome: SmtpOutcome): number {
  return attempts.filter((attempt) => attempt?.outcome === outcome).length;
}

/** Waits until `predicate` holds, checking every 100 ms; the scenario fails at the deadline. */
export async function until(what: string, predicate: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

function tally(
  scenario: string,
  first: MessageAttempt[],
  resent: MessageAttempt[],
  tickets: TicketSummary[],
  contacts: ContactSummary[],
): FaultRow {
  const accepted = [...first, ...resent].filter((attempt) => attempt.outcome === 'accepted').map((attempt) => attempt.message);
  const tokens = new Set(first.map((attempt) => attempt.message.token));
  const ticketsPerToken = countBy(
    tickets.map((ticket) => tokenInSubject(ticket.subject)).filter((token): token is string => token !== null && tokens.has(token)),
  );
  const senders = new Set(first.map((attempt) => attempt.message.from));
  const contactsPerSender = countBy(contacts.flatMap((contact) => contact.emails.filter((email) => senders.has(email))));
  const acceptedTokens = new Set(accepted.map((message) => message.token));
  const acceptedSenders = new Set(accepted.map((message) => message.from));
  const missing = (expected: Set<string>, found: Map<string, number>) => [...expected].filter((key) => !found.has(key)).length;
  const extra = (found: Map<string, number>) => [...found.values()].reduce((sum, count) => sum + count - 1, 0);
  return {
    scenario,
    sent: first.length,
    accepted: outcomeCount(first, 'accepted'),
    temporary: outcomeCount(first, 'temporary'),
    noReply: outcomeCount(first, 'no-reply'),
    permanent: outcomeCount([...first, ...resent], 'permanent'),
    resentAccepted: outcomeCount(resent, 'accepted'),
    tickets: [...ticketsPerToken.values()].reduce((sum, count) => sum + count, 0),
    contacts: [...contactsPerSender.values()].reduce((sum, count) => sum + count, 0),
    lost: missing(acceptedTokens, ticketsPerToken) + missing(acceptedSenders, contactsPerSender),
    duplicated: extra(ticketsPerToken) + extra(contactsPerSender),
  };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
