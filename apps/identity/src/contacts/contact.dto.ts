import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { primaryFirst } from './contact-changed';
import { ContactEntity } from './contact.entity';

export const contactSearchSchema = pageQuerySchema.extend({
  email: z.string().trim().min(3).max(320).optional(),
});

export type ContactSearchDto = z.output<typeof contactSearchSchema>;

export interface ContactResponseDto {
  id: string;
  name: string;
  email: string;
  emails: string[];
  /** Addresses that bounced permanently, with when and why. */
  undeliverable: { email: string; since: string; reason: string | null }[];
  organization: { id: string; name: string };
  source: string;
  createdAt: string;
  updatedAt: string;
}

export function toContactResponse(contact: ContactEntity): ContactResponseDto {
  const emails = primaryFirst(contact.emails);
  return {
    id: contact.id,
    name: contact.name,
    email: emails[0]?.email ?? '',
    emails: emails.map((email) => email.email),
    undeliverable: emails
      .filter((email) => email.undeliverableSince)
      .map((email) => ({ email: email.email, since: email.undeliverableSince!.toISOString(), reason: email.undeliverableReason })),
    organization: { id: contact.organization.id, name: contact.organization.name },
    source: contact.source,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
  };
}
