import { ContactSummary, TicketSummary } from '../support/helpgate-api';
import { MessageAttempt, SmtpOutcome, tokenInSubject } from '../support/smtp-load';
import { FaultRow } from './fault-table';

/** What the stack holds and sent once a scenario is over. */
export interface Observed {
  tickets: TicketSummary[];
  contacts: ContactSummary[];
  /** The `email.inbound.received` events email-ingest published: their ids and the Message-ID of each mail. */
  inboundEvents: { eventId: string; messageId: string }[];
  /** The acknowledgements the relay received: the Message-ID of each, and of the mail it answers. */
  acknowledgements: { messageId: string; inReplyTo: string }[];
  /** The Message-IDs of the outbound mail email-ingest recorded as delivered. */
  recordedDeliveries: Set<string>;
}

export function outcomeCount(attempts: readonly (MessageAttempt | undefined)[], outcome: SmtpOutcome): number {
  return attempts.filter((attempt) => attempt?.outcome === outcome).length;
}

/**
 * Counts, message by message, what became of a load: `first` holds the first attempt at each message, `resent`
 * the last attempt at each one sent again.
 */
export function tally(scenario: string, first: MessageAttempt[], resent: MessageAttempt[], observed: Observed): FaultRow {
  const messages = first.map((attempt) => attempt.message);
  const accepted = [...first, ...resent].filter((attempt) => attempt.outcome === 'accepted').map((attempt) => attempt.message);

  const tokens = new Set(messages.map((message) => message.token));
  const ticketsPerMessage = countBy(
    observed.tickets
      .map((ticket) => tokenInSubject(ticket.subject))
      .filter((token): token is string => token !== null && tokens.has(token)),
  );
  const senders = new Set(messages.map((message) => message.from));
  const contactsPerSender = countBy(observed.contacts.flatMap((contact) => contact.emails.filter((email) => senders.has(email))));
  const messageIds = new Set(messages.map((message) => message.messageId));
  // One mail, one event: the same event published again is known by its id, two events are two mails to consumers.
  const eventIdsPerMessage = new Map<string, Set<string>>();
  for (const { messageId, eventId } of observed.inboundEvents) {
    if (messageIds.has(messageId)) eventIdsPerMessage.set(messageId, (eventIdsPerMessage.get(messageId) ?? new Set()).add(eventId));
  }
  const inboundEventsBeyondFirst = [...eventIdsPerMessage.values()].reduce((total, eventIds) => total + eventIds.size - 1, 0);

  const acknowledgements = observed.acknowledgements.filter((mail) => messageIds.has(mail.inReplyTo));
  const acknowledgementsPerMessage = countBy(acknowledgements.map((mail) => mail.inReplyTo));
  // The relay took these but email-ingest did not record it: they go out again once their claim runs out.
  const unrecorded = acknowledgements.filter((mail) => !observed.recordedDeliveries.has(mail.messageId)).length;

  return {
    scenario,
    sent: first.length,
    accepted: outcomeCount(first, 'accepted'),
    temporary: outcomeCount(first, 'temporary'),
    noReply: outcomeCount(first, 'no-reply'),
    permanent: outcomeCount([...first, ...resent], 'permanent'),
    resentAccepted: outcomeCount(resent, 'accepted'),
    tickets: sum(ticketsPerMessage),
    contacts: sum(contactsPerSender),
    acknowledgements: acknowledgements.length,
    lost:
      missing(new Set(accepted.map((message) => message.token)), ticketsPerMessage) +
      missing(new Set(accepted.map((message) => message.from)), contactsPerSender),
    duplicated:
      beyondFirst(ticketsPerMessage) +
      beyondFirst(contactsPerSender) +
      inboundEventsBeyondFirst +
      beyondFirst(acknowledgementsPerMessage) +
      unrecorded,
  };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function sum(counts: Map<string, number>): number {
  return [...counts.values()].reduce((total, count) => total + count, 0);
}

function missing(expected: Set<string>, found: Map<string, number>): number {
  return [...expected].filter((key) => !found.has(key)).length;
}

function beyondFirst(counts: Map<string, number>): number {
  return [...counts.values()].reduce((total, count) => total + count - 1, 0);
}

/** What is known of one accepted message that became no ticket: how far through the pipeline it is seen to have got. */
export interface LostMessageTrail {
  token: string;
  messageId: string;
  firstOutcome: SmtpOutcome;
  resent: boolean;
  inboundEventPublished: boolean;
  senderHasContact: boolean;
}

/** The trail of each accepted message without a ticket, so that a scenario that lost mail says where it stopped. */
export function lostMessageTrails(first: MessageAttempt[], resent: MessageAttempt[], observed: Observed): LostMessageTrail[] {
  const ticketTokens = new Set(observed.tickets.map((ticket) => tokenInSubject(ticket.subject)));
  const published = new Set(observed.inboundEvents.map((event) => event.messageId));
  const contactEmails = new Set(observed.contacts.flatMap((contact) => contact.emails));
  const resentMessages = new Set(resent.filter((attempt) => attempt.outcome === 'accepted').map((attempt) => attempt.message));
  return first
    .filter(
      (attempt) => (attempt.outcome === 'accepted' || resentMessages.has(attempt.message)) && !ticketTokens.has(attempt.message.token),
    )
    .map(({ message, outcome }) => ({
      token: message.token,
      messageId: message.messageId,
      firstOutcome: outcome,
      resent: resentMessages.has(message),
      inboundEventPublished: published.has(message.messageId),
      senderHasContact: contactEmails.has(message.from),
    }));
}
