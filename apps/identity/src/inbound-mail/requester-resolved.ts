import { randomUUID } from 'node:crypto';
import { IdentityRequesterResolvedV2, InboundMail } from '@helpgate/contracts';
import type { ContactSummary } from '../contacts/contacts.repository';
import { requesterFor } from '../requesters/requester';

/** Tells the ticket side that the contact is the requester of the mail, which came from `email`. */
export function requesterResolvedEvent(mail: InboundMail, contact: ContactSummary, email: string): IdentityRequesterResolvedV2 {
  return { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail, requester: requesterFor(contact, email) };
}
