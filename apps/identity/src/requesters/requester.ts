import type { Requester } from '@helpgate/contracts';
import type { ContactSummary } from '../contacts/contacts.repository';

/** How the contact is announced as a requester who wrote from `email`. */
export function requesterFor(contact: ContactSummary, email: string): Requester {
  return {
    contactId: contact.id,
    email,
    name: contact.name,
    organizationId: contact.organization.id,
    organizationName: contact.organization.name,
  };
}
