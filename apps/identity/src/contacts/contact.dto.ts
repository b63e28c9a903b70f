import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { normalizeEmail } from '../domain/email-address';
import { canonicalLanguageTag, isTimeZone } from './locale';
import { normalizePhone } from './phone-number';
import { plainText } from '../domain/plain-text';
import { maxTagsPerContact, normalizeTag, uniqueTags } from '../domain/tags';
import { primaryFirst } from './contact-changed';
import { phoneKinds } from './contact-phone.entity';
import { ContactEntity, contactSources, contactStatuses } from './contact.entity';

const nameCharacters = /^[\p{L}\p{M}\p{N} '’.,\-()&/]*$/u;
const freeTextCharacters = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}\n]*$/u;

/** Markup is stripped before the allow-list applies, so `<b>Jane</b>` is accepted as `Jane`. */
export const namePart = (maxLength: number) =>
  z
    .string()
    .max(maxLength * 4)
    .transform((raw) => plainText(raw))
    .pipe(z.string().max(maxLength).regex(nameCharacters, "may contain letters, digits, spaces and . , - ' ( ) & / only"));

const freeText = (maxLength: number) =>
  z
    .string()
    .max(maxLength * 2)
    .transform((raw) => plainText(raw, { multiline: true }))
    .pipe(z.string().max(maxLength).regex(freeTextCharacters, 'may not contain control characters'));

export const emailInput = z
  .string()
  .max(320)
  .transform((raw, context) => normalizeEmail(raw) ?? (context.addIssue({ code: 'custom', message: 'is not an email address' }), z.NEVER));

const phoneInput = z
  .string()
  .max(40)
  .transform((raw, context) => normalizePhone(raw) ?? (context.addIssue({ code: 'custom', message: 'is not a phone number' }), z.NEVER));

const tagInput = z
  .string()
  .max(60)
  .transform((raw, context) => normalizeTag(raw) ?? (context.addIssue({ code: 'custom', message: 'must be a lower-case slug' }), z.NEVER));

export const languageInput = z
  .string()
  .max(35)
  .transform(
    (raw, context) => canonicalLanguageTag(raw) ?? (context.addIssue({ code: 'custom', message: 'must be a BCP 47 tag' }), z.NEVER),
  );

const timeZoneInput = z.string().max(100).refine(isTimeZone, 'must be an IANA time zone');

const phonesInput = z
  .array(z.strictObject({ number: phoneInput, kind: z.enum(phoneKinds).default('direct') }))
  .max(20)
  .refine((phones) => new Set(phones.map((phone) => phone.number)).size === phones.length, 'lists a number twice');

const profileFields = {
  firstName: namePart(100).nullable().optional(),
  lastName: namePart(100).nullable().optional(),
  language: languageInput.nullable().optional(),
  timeZone: timeZoneInput.nullable().optional(),
  details: freeText(2000).nullable().optional(),
  notes: freeText(10000).nullable().optional(),
  tags: z.array(tagInput).max(maxTagsPerContact).transform(uniqueTags).optional(),
  status: z.enum(contactStatuses).optional(),
  phones: phonesInput.optional(),
};

const nameGivenOnce = (body: { name?: string; firstName?: string | null; lastName?: string | null }) =>
  body.name === undefined || (body.firstName === undefined && body.lastName === undefined);

export const createContactSchema = z
  .strictObject({
    name: namePart(200).optional(),
    email: emailInput,
    alternateEmails: z.array(emailInput).max(20).default([]),
    /** The default organization; when absent the domain rules place the contact, as for inbound mail. */
    organizationId: z.uuid().optional(),
    ...profileFields,
  })
  .refine(nameGivenOnce, { message: 'give either name or first and last name', path: ['name'] })
  .refine((body) => new Set([body.email, ...body.alternateEmails]).size === body.alternateEmails.length + 1, {
    message: 'lists an address twice',
    path: ['alternateEmails'],
  });

export type CreateContactDto = z.output<typeof createContactSchema>;

export const updateContactSchema = z
  .strictObject({
    name: namePart(200).optional(),
    /** One of the contact's addresses, to become the primary one. */
    primaryEmail: emailInput.optional(),
    /** An organization to become the default one; the contact stays a member of the previous default. */
    defaultOrganizationId: z.uuid().optional(),
    ...profileFields,
  })
  .refine(nameGivenOnce, { message: 'give either name or first and last name', path: ['name'] })
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');

export type UpdateContactDto = z.output<typeof updateContactSchema>;

export const addEmailSchema = z.strictObject({ email: emailInput });

export type AddEmailDto = z.output<typeof addEmailSchema>;

export const mergeContactSchema = z.strictObject({
  /** The contact to merge away into the one named in the path. */
  contactId: z.uuid(),
});

export type MergeContactDto = z.output<typeof mergeContactSchema>;

export const membershipSchema = z.strictObject({ isPrimaryContact: z.boolean().default(false) });

export type MembershipDto = z.output<typeof membershipSchema>;

export const contactSearchSchema = pageQuerySchema.extend({
  /** Any of a contact's addresses. */
  email: z.string().trim().min(3).max(320).optional(),
  /** Part of the name, any case. */
  q: z.string().trim().min(1).max(200).optional(),
  phone: z.string().trim().min(1).max(40).optional(),
  /** The default organization or any other the contact is a member of. */
  organizationId: z.uuid().optional(),
  tag: tagInput.optional(),
  status: z.enum(contactStatuses).optional(),
});

export type ContactSearchDto = z.output<typeof contactSearchSchema>;

const timestamp = z.iso.datetime();

export const contactResponseSchema = z
  .object({
    id: z.uuid(),
    name: z.string().describe('The full name, as shown everywhere.'),
    fullName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().describe('The primary address; empty once the personal data was erased.'),
    emails: z.array(z.string()).describe('Every address, the primary one first.'),
    emailAddresses: z.array(
      z.object({ email: z.string(), isPrimary: z.boolean(), verified: z.boolean(), verifiedAt: timestamp.nullable() }),
    ),
    undeliverable: z
      .array(z.object({ email: z.string(), since: timestamp, reason: z.string().nullable() }))
      .describe('Addresses that bounced permanently, with when and why.'),
    phones: z.array(z.object({ number: z.string(), kind: z.enum(phoneKinds) })),
    organization: z.object({ id: z.uuid(), name: z.string() }).describe('The default organization.'),
    organizations: z
      .array(z.object({ id: z.uuid(), name: z.string(), isDefault: z.boolean(), isPrimaryContact: z.boolean() }))
      .describe('Every organization the contact belongs to, the default one first.'),
    language: z.string().nullable(),
    timeZone: z.string().nullable(),
    details: z.string().nullable(),
    notes: z.string().nullable(),
    tags: z.array(z.string()),
    status: z.enum(contactStatuses),
    source: z.enum(contactSources),
    createdAt: timestamp,
    updatedAt: timestamp,
    lastSeenAt: timestamp.nullable().describe('When mail or a chat from the contact last arrived.'),
    lastSignedInAt: timestamp.nullable().describe('When the contact last signed in to the portal.'),
    anonymizedAt: timestamp.nullable(),
  })
  .meta({ id: 'Contact' });

export type ContactResponseDto = z.infer<typeof contactResponseSchema>;

export function toContactResponse(contact: ContactEntity): ContactResponseDto {
  const emails = primaryFirst(contact.emails);
  return {
    id: contact.id,
    name: contact.name,
    fullName: contact.name,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: emails[0]?.email ?? '',
    emails: emails.map((email) => email.email),
    emailAddresses: emails.map((email) => ({
      email: email.email,
      isPrimary: email.isPrimary,
      verified: email.verifiedAt !== null,
      verifiedAt: email.verifiedAt?.toISOString() ?? null,
    })),
    undeliverable: emails
      .filter((email) => email.undeliverableSince)
      .map((email) => ({ email: email.email, since: email.undeliverableSince!.toISOString(), reason: email.undeliverableReason })),
    phones: [...contact.phones].sort((a, b) => a.number.localeCompare(b.number)).map(({ number, kind }) => ({ number, kind })),
    organization: { id: contact.organization.id, name: contact.organization.name },
    organizations: contact.memberships
      .map((membership) => ({
        id: membership.organizationId,
        name: membership.organization.name,
        isDefault: membership.organizationId === contact.organizationId,
        isPrimaryContact: membership.isPrimaryContact,
      }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name)),
    language: contact.language,
    timeZone: contact.timeZone,
    details: contact.details,
    notes: contact.notes,
    tags: contact.tags,
    status: contact.status,
    source: contact.source,
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    lastSeenAt: contact.lastSeenAt?.toISOString() ?? null,
    lastSignedInAt: contact.lastSignedInAt?.toISOString() ?? null,
    anonymizedAt: contact.anonymizedAt?.toISOString() ?? null,
  };
}
