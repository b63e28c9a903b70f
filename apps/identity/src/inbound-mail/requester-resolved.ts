import { randomUUID } from 'node:crypto';
import { IdentityRequesterResolvedV1, InboundMail } from '@helpgate/contracts';
import type { ContactSummary } from '../contacts/contacts.repository';

/** Tells the ticket side that the contact is the requester of the mail, which came from `email`. */
export function requesterResolvedEvent(mail: InboundMail, contact: ContactSummary, email: string): IdentityRequesterResolvedV1 {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    mail,
    requester: {
      contactId: contact.id,
      email,
      name: contact.name,
      organizationId: contact.organization.id,
      organizationName: contact.organization.name,
    },
  };
}
