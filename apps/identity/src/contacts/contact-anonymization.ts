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
