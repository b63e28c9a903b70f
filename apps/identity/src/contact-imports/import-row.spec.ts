import { importColumns, ImportColumns } from './import-columns';
import { importChanges, ImportedProfile, readImportRow } from './import-row';

function columnsOf(header: string[]): ImportColumns {
  const result = importColumns(header);
  if (!('columns' in result)) throw new Error(result.problems.join(', '));
  return result.columns;
}

describe('readImportRow', () => {
  const columns = columnsOf([
    'email',
    'first name',
    'last name',
    'name',
    'phone',
    'organization',
    'language',
    'time zone',
    'tags',
    'notes',
  ]);

  it('reads a row into a contact, validated and normalized as an agent request is', () => {
    const read = readImportRow(columns, [
      ' Jane@ACME.test ',
      'Jane',
      'Doe',
      '',
      '+39 06 1234 5678',
      'Acme',
      'pt-br',
      'Europe/Rome',
      'VIP; beta;;vip',
      'Line one',
    ]);
    expect(read).toEqual({
      kind: 'row',
      row: {
        email: 'jane@acme.test',
        organizationName: 'Acme',
        contact: expect.objectContaining({
          email: 'jane@acme.test',
          firstName: 'Jane',
          lastName: 'Doe',
          phones: [{ number: '+390612345678', kind: 'direct' }],
          language: 'pt-BR',
          timeZone: 'Europe/Rome',
          tags: ['vip', 'beta'],
          notes: 'Line one',
        }),
      },
    });
  });

  it('takes the full name when no first or last name is given', () => {
    const read = readImportRow(columns, ['john@acme.test', '', '', 'John Smith', '', '', '', '', '', '']);
    expect(read).toMatchObject({ kind: 'row', row: { contact: { name: 'John Smith' } } });
    expect(read).not.toHaveProperty('row.contact.firstName');
  });

  it('strips markup from names and notes', () => {
    const read = readImportRow(columns, [
      'm@acme.test',
      '<b>Mark</b>',
      '<script>alert(1)</script>Up',
      '',
      '',
      '',
      '',
      '',
      '',
      '<i>note</i>',
    ]);
    expect(read).toMatchObject({ kind: 'row', row: { contact: { firstName: 'Mark', lastName: 'Up', notes: 'note' } } });
  });

  it('refuses values an agent could not give, naming the columns', () => {
    const read = readImportRow(columns, ['x@acme.test', 'Robert{}', '', '', '12', '', '', 'Mars/Olympus', 'two words', '']);
    expect(read).toEqual({
      kind: 'refused',
      email: 'x@acme.test',
      reason:
        "first name: may contain letters, digits, spaces and . , - ' ( ) & / only; time zone: must be an IANA time zone; tags: must be a lower-case slug; phone: is not a phone number",
    });
  });

  it('refuses a missing or invalid email, showing what was given as plain text', () => {
    expect(readImportRow(columns, ['', 'Jane', '', '', '', '', '', '', '', ''])).toEqual({
      kind: 'refused',
      email: '',
      reason: 'the email is missing',
    });
    expect(readImportRow(columns, ['<b>not-an-address</b>', 'Jane', '', '', '', '', '', '', '', ''])).toEqual({
      kind: 'refused',
      email: 'not-an-address',
      reason: 'email: is not an email address',
    });
  });

  it('refuses a row that does not have the header’s number of fields', () => {
    expect(readImportRow(columns, ['a@acme.test', 'A'])).toEqual({
      kind: 'refused',
      email: 'a@acme.test',
      reason: 'the row has 2 fields where the header has 10',
    });
  });

  it('skips a blank row', () => {
    expect(readImportRow(columns, [''])).toEqual({ kind: 'blank' });
    expect(readImportRow(columns, Array(10).fill(' '))).toEqual({ kind: 'blank' });
  });
});

describe('importChanges', () => {
  const current: ImportedProfile = {
    name: 'Jane Doe',
    firstName: 'Jane',
    lastName: 'Doe',
    language: 'en',
    timeZone: null,
    notes: 'Old note',
    details: null,
    status: 'active',
    tags: ['vip'],
    organizationId: 'org-acme',
    phones: [{ number: '+390612345678', kind: 'shared' }],
  };
  const row = { email: 'jane@acme.test', alternateEmails: [] };

  it('changes nothing when the row gives only values the contact has', () => {
    const same = {
      ...row,
      name: 'Jane Doe',
      language: 'en',
      tags: ['vip'],
      phones: [{ number: '+390612345678', kind: 'direct' as const }],
    };
    expect(importChanges(current, same, 'org-acme')).toEqual({ changes: {} });
  });

  it('changes the values that differ; empty cells leave the others', () => {
    expect(importChanges(current, { ...row, lastName: 'Smith', timeZone: 'UTC', notes: 'New note' }, undefined)).toEqual({
      changes: { lastName: 'Smith', timeZone: 'UTC', notes: 'New note' },
    });
    expect(importChanges(current, { ...row, name: 'Jane Smith' }, undefined)).toEqual({ changes: { name: 'Jane Smith' } });
  });

  it('adds tags and a direct phone to the contact’s, and makes a named organization the default', () => {
    const changes = importChanges(
      current,
      { ...row, tags: ['beta', 'vip'], phones: [{ number: '+4930123456', kind: 'direct' }] },
      'org-globex',
    );
    expect(changes).toEqual({
      changes: {
        tags: ['vip', 'beta'],
        phones: [
          { number: '+390612345678', kind: 'shared' },
          { number: '+4930123456', kind: 'direct' },
        ],
        defaultOrganizationId: 'org-globex',
      },
    });
  });

  it('refuses tags past the limit of one contact', () => {
    const full = { ...current, tags: Array.from({ length: 50 }, (_, index) => `tag-${index}`) };
    expect(importChanges(full, { ...row, tags: ['one-more'] }, undefined)).toEqual({
      refusal: 'tags: the contact would have more than 50 tags',
    });
  });
});
