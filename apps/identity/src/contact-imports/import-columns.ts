import { plainText } from '../domain/plain-text';

/** What a column of an import file can give a contact. */
export const importFields = [
  'email',
  'name',
  'firstName',
  'lastName',
  'phone',
  'organization',
  'language',
  'timeZone',
  'tags',
  'notes',
  'details',
  'status',
] as const;
export type ImportField = (typeof importFields)[number];

/** Header names as people write them, compared without case, spaces, dots, hyphens or underscores. */
const fieldByHeader: Record<string, ImportField> = {
  email: 'email',
  emailaddress: 'email',
  name: 'name',
  fullname: 'name',
  firstname: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  phone: 'phone',
  phonenumber: 'phone',
  telephone: 'phone',
  organization: 'organization',
  organisation: 'organization',
  company: 'organization',
  language: 'language',
  timezone: 'timeZone',
  tags: 'tags',
  notes: 'notes',
  details: 'details',
  status: 'status',
};

/** How each field is named in refusals, as a person would write its column. */
export const columnLabels: Record<ImportField, string> = {
  email: 'email',
  name: 'name',
  firstName: 'first name',
  lastName: 'last name',
  phone: 'phone',
  organization: 'organization',
  language: 'language',
  timeZone: 'time zone',
  tags: 'tags',
  notes: 'notes',
  details: 'details',
  status: 'status',
};

export interface ImportColumns {
  /** The field of each column, by position; null for a column that gives none. */
  fields: (ImportField | null)[];
  /** The names of columns that give no field, once each, as written in the header (markup removed). */
  unknown: string[];
}

export type ImportColumnsResult = { columns: ImportColumns } | { problems: string[] };

/** Reads a header row: which field each column gives, the columns no field is known by, and why the header cannot be used. */
export function importColumns(header: readonly string[]): ImportColumnsResult {
  const fields = header.map((name) => fieldByHeader[name.toLowerCase().replace(/[\s._-]/g, '')] ?? null);
  const problems: string[] = [];
  if (!fields.includes('email')) problems.push('the header row has no email column');
  for (const field of importFields) {
    const positions = fields.flatMap((candidate, position) => (candidate === field ? [position + 1] : []));
    if (positions.length > 1) problems.push(`columns ${positions.join(' and ')} both give the ${columnLabels[field]}`);
  }
  if (problems.length > 0) return { problems };
  const unknown = header.flatMap((name, position) =>
    fields[position] === null ? [plainText(name).slice(0, 100) || `column ${position + 1} (no name)`] : [],
  );
  return { columns: { fields, unknown: [...new Set(unknown)] } };
}
