import { importColumns } from './import-columns';

describe('importColumns', () => {
  it('knows columns by their usual names, in any case and spelling', () => {
    const result = importColumns([
      'E-Mail',
      'First Name',
      'last_name',
      'Full Name',
      'Phone Number',
      'Company',
      'Time Zone',
      'LANGUAGE',
      'tags',
      'Notes',
    ]);
    expect(result).toEqual({
      columns: {
        fields: ['email', 'firstName', 'lastName', 'name', 'phone', 'organization', 'timeZone', 'language', 'tags', 'notes'],
        unknown: [],
      },
    });
  });

  it('lists the columns it does not know once, as plain text, and ignores them', () => {
    const result = importColumns(['email', 'Company Size', '', '<b>Shoe</b> size', 'Company Size']);
    expect(result).toEqual({
      columns: { fields: ['email', null, null, null, null], unknown: ['Company Size', 'column 3 (no name)', 'Shoe size'] },
    });
  });

  it('refuses a header without an email column', () => {
    expect(importColumns(['name', 'phone'])).toEqual({ problems: ['the header row has no email column'] });
  });

  it('refuses a header giving one field twice', () => {
    expect(importColumns(['email', 'surname', 'Last Name', 'Email Address'])).toEqual({
      problems: ['columns 1 and 4 both give the email', 'columns 2 and 3 both give the last name'],
    });
  });
});
