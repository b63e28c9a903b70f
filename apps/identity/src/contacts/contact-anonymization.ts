import type { PersonName } from '../domain/person-name';
import type { ContactProfile } from './contacts.repository';

export const anonymousContactName = 'Deleted contact';

/** What is left of a contact's profile once its personal data is erased: the placeholder name and nothing else. */
export function erasedProfile(): Required<ContactProfile> & { name: PersonName } {
  return {
    name: { fullName: anonymousContactName, firstName: null, lastName: null },
    language: null,
    timeZone: null,
    details: null,
    notes: null,
    tags: [],
    status: 'inactive',
  };
}

/**
 * The addresses and names a contact is erased under, for the services that hold them apart from the contact id
 * (email-ingest keeps mail by address): every address it had, its full name and its first and last name together.
 */
export function erasedIdentifiersOf(contact: {
  name: string;
  firstName: string | null;
  lastName: string | null;
  emails: readonly { email: string }[];
}): { emails: string[]; names: string[] } {
  const joined = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return {
    emails: [...new Set(contact.emails.map(({ email }) => email.toLowerCase()))],
    names: [...new Set([contact.name, joined].map((name) => name.trim()).filter(Boolean))],
  };
}
