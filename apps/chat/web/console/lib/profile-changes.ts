import type { Contact, Phone } from '../customers/contact-types';

/** The profile fields identity's `PATCH /contacts/:id` takes, as the console's form holds them (empty text is "not given"). */
export interface ProfileForm {
  name: string;
  language: string;
  timeZone: string;
  details: string;
  notes: string;
  tags: string;
  phones: Phone[];
}

export type ProfileFields = Pick<Contact, 'name' | 'language' | 'timeZone' | 'details' | 'notes' | 'tags' | 'phones'>;

export const profileFormOf = (contact: ProfileFields): ProfileForm => ({
  name: contact.name,
  language: contact.language ?? '',
  timeZone: contact.timeZone ?? '',
  details: contact.details ?? '',
  notes: contact.notes ?? '',
  tags: contact.tags.join(', '),
  phones: contact.phones,
});

const textOrNull = (text: string) => text.trim() || null;
const tagsOf = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/**
 * Only what the agent changed, so the contact's timeline names the fields that really changed; emptied text clears
 * the field, and phone rows left blank are dropped. identity normalizes and validates what is sent.
 */
export function profileChanges(contact: ProfileFields, form: ProfileForm): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  if (form.name.trim() !== contact.name) change.name = form.name.trim();
  for (const field of ['language', 'timeZone', 'details', 'notes'] as const) {
    if (textOrNull(form[field]) !== contact[field]) change[field] = textOrNull(form[field]);
  }
  if (tagsOf(form.tags).join(',') !== contact.tags.join(',')) change.tags = tagsOf(form.tags);
  const phones = form.phones.filter((phone) => phone.number.trim());
  if (JSON.stringify(phones) !== JSON.stringify(contact.phones)) change.phones = phones;
  return change;
}
