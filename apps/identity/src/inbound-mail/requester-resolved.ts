import { randomUUID } from 'node:crypto';
import { IdentityRequesterResolvedV1, InboundMail } from '@helpgate/contracts';
import type { ContactEntity } from '../contacts/contact.entity';

/** Tells the ticket side that the contact is the requester of the mail, which came from `email`. */
export function requesterResolvedEvent(mail: InboundMail, contact: ContactEntity, email: string): IdentityRequesterResolvedV1 {
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
