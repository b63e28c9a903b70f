import { randomUUID } from 'node:crypto';
import type { IdentityContactChangedV1 } from '@helpgate/contracts';
import type { ContactEmailEntity } from './contact-email.entity';
import type { ContactEntity } from './contact.entity';

/** A contact's addresses, the primary one first, then alphabetically. */
export function primaryFirst(emails: readonly ContactEmailEntity[]): ContactEmailEntity[] {
  return [...emails].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.email.localeCompare(b.email));
}

/** The address a contact was created with (every contact has one). */
export function primaryAddressOf(contact: ContactEntity): string {
  return primaryFirst(contact.emails)[0]?.email ?? '';
}

/**
 * The event telling other services' read models how a contact (loaded with its addresses, organization and
 * memberships) is now. Agent-only fields (details, notes) never leave identity.
 */
export function contactChangedEvent(contact: ContactEntity, change: IdentityContactChangedV1['change']): IdentityContactChangedV1 {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    change,
    contact: {
      id: contact.id,
      email: primaryAddressOf(contact),
      name: contact.name,
      organizationId: contact.organization.id,
      organizationName: contact.organization.name,
      firstName: contact.firstName,
      lastName: contact.lastName,
      status: contact.status,
      language: contact.language,
      timeZone: contact.timeZone,
      memberships: (contact.memberships ?? []).map(({ organizationId, isPrimaryContact }) => ({ organizationId, isPrimaryContact })),
    },
  };
}
