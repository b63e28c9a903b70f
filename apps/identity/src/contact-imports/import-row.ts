import type { z } from 'zod';
import { createContactSchema, CreateContactDto, UpdateContactDto } from '../contacts/contact.dto';
import type { ContactPhone } from '../contacts/contacts.repository';
import type { ContactEntity } from '../contacts/contact.entity';
import { normalizeEmail } from '../domain/email-address';
import { nameFromFullName } from '../domain/person-name';
import { plainText } from '../domain/plain-text';
import { maxTagsPerContact, uniqueTags } from '../domain/tags';
import { columnLabels, ImportColumns, ImportField } from './import-columns';

/** A row of an import file, validated as an agent's request to create the contact would be. */
export interface ImportRow {
  /** Normalized. */
  email: string;
  /** The organization the row names, if any: it must exist. */
  organizationName: string | null;
  /** Without an organization id: the service finds the organization the row names. */
  contact: CreateContactDto;
}

export type ReadImportRow = { kind: 'blank' } | { kind: 'row'; row: ImportRow } | { kind: 'refused'; email: string; reason: string };

/** Separates the tags in a tags cell. */
export const tagSeparator = ';';

/** Column labels of the fields of `createContactSchema`, for refusals. */
const labelOfSchemaField: Record<string, string> = {
  ...columnLabels,
  phones: columnLabels.phone,
};

/**
 * Reads one record of an import file: blank records are skipped; a record is refused when it does not fit the
 * header or when a value would be refused from an agent (markup is stripped from names and notes first, as there).
 */
export function readImportRow(columns: ImportColumns, record: readonly string[]): ReadImportRow {
  const values = valuesOf(columns, record);
  const email = shownEmail(values.email);
  if (record.every((field) => field.trim() === '')) return { kind: 'blank' };
  if (record.length !== columns.fields.length) {
    return { kind: 'refused', email, reason: `the row has ${record.length} fields where the header has ${columns.fields.length}` };
  }
  if (values.email === undefined) return { kind: 'refused', email, reason: 'the email is missing' };
  const parsed = createContactSchema.safeParse(contactCandidate(values));
  if (!parsed.success) return { kind: 'refused', email, reason: reasonFor(parsed.error.issues) };
  return { kind: 'row', row: { email: parsed.data.email, organizationName: values.organization ?? null, contact: parsed.data } };
}

export type ImportedProfile = Pick<
  ContactEntity,
  'name' | 'firstName' | 'lastName' | 'language' | 'timeZone' | 'notes' | 'details' | 'status' | 'tags' | 'organizationId'
> & { phones: readonly ContactPhone[] };

/**
 * What a row changes on the contact that already has its address: the values it gives that differ. Empty cells
 * change nothing; tags are added to the contact's; a phone is added as a direct one; an organization becomes the
 * default one. No changes means the contact is unchanged.
 */
export function importChanges(
  current: ImportedProfile,
  row: ImportRow['contact'],
  organizationId: string | undefined,
): { changes: UpdateContactDto } | { refusal: string } {
  const changes: UpdateContactDto = {};
  if (row.name !== undefined && nameFromFullName(row.name).fullName !== current.name) changes.name = row.name;
  if (row.firstName !== undefined && row.firstName !== current.firstName) changes.firstName = row.firstName;
  if (row.lastName !== undefined && row.lastName !== current.lastName) changes.lastName = row.lastName;
  for (const field of ['language', 'timeZone', 'notes', 'details', 'status'] as const) {
    if (row[field] !== undefined && row[field] !== current[field]) Object.assign(changes, { [field]: row[field] });
  }
  if (row.tags !== undefined) {
    const tags = uniqueTags([...current.tags, ...row.tags]);
    if (tags.length > maxTagsPerContact)
      return { refusal: `${columnLabels.tags}: the contact would have more than ${maxTagsPerContact} tags` };
    if (tags.length > current.tags.length) changes.tags = tags;
  }
  const phone = row.phones?.[0];
  if (phone && !current.phones.some(({ number }) => number === phone.number)) {
    changes.phones = [...current.phones.map(({ number, kind }) => ({ number, kind })), phone];
  }
  if (organizationId !== undefined && organizationId !== current.organizationId) changes.defaultOrganizationId = organizationId;
  return { changes };
}

type RowValues = Partial<Record<ImportField, string>>;

/** The non-empty cells of a record by field, trimmed. */
function valuesOf(columns: ImportColumns, record: readonly string[]): RowValues {
  const values: RowValues = {};
  columns.fields.forEach((field, position) => {
    const value = record[position]?.trim();
    if (field && value) values[field] = value;
  });
  return values;
}

/** The contact as `createContactSchema` takes it; first and last name, when given, win over a full name. */
function contactCandidate(values: RowValues): Record<string, unknown> {
  const givenInParts = values.firstName !== undefined || values.lastName !== undefined;
  return {
    email: values.email,
    ...(givenInParts ? { firstName: values.firstName, lastName: values.lastName } : { name: values.name }),
    phones: values.phone === undefined ? undefined : [{ number: values.phone, kind: 'direct' }],
    tags: values.tags
      ?.split(tagSeparator)
      .map((tag) => tag.trim())
      .filter(Boolean),
    language: values.language,
    timeZone: values.timeZone,
    notes: values.notes,
    details: values.details,
    status: values.status?.toLowerCase(),
  };
}

/** The address as the report shows it: normalized when it is one, else as given, as plain text. */
function shownEmail(raw: string | undefined): string {
  if (raw === undefined) return '';
  return normalizeEmail(raw) ?? plainText(raw).slice(0, 320);
}

function reasonFor(issues: readonly z.core.$ZodIssue[]): string {
  const reasons = issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return `${labelOfSchemaField[field] ?? field}: ${issue.message}`;
  });
  return [...new Set(reasons)].join('; ');
}
