import { randomUUID } from 'node:crypto';
import type { ChatEscalation, IdentityChatRequesterResolvedV1 } from '@helpgate/contracts';
import type { ContactSummary } from '../contacts/contacts.repository';
import { requesterFor } from '../requesters/requester';

/** A conversation that reached identity and whose visitor turned out to be a contact. */
export interface ResolvedVisitor {
  conversationId: string;
  visitorId: string;
  contact: ContactSummary;
  /** The address the requester is known by for this conversation. */
  email: string;
  /** Passed on for tickets to open a ticket from; absent when the visitor only identified itself. */
  escalation?: ChatEscalation;
}

/** Tells chat (and, for an escalation, tickets) which contact the visitor of a conversation is. */
export function chatRequesterResolvedEvent(resolved: ResolvedVisitor): IdentityChatRequesterResolvedV1 {
  const { conversationId, visitorId, contact, email, escalation } = resolved;
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    conversationId,
    visitorId,
    requester: requesterFor(contact, email),
    ...(escalation ? { escalation } : {}),
  };
}
