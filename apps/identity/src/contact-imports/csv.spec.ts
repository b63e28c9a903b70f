import { CsvSyntaxError, parseCsv } from './csv';

const fieldsOf = (text: string) => parseCsv(text).map((record) => record.fields);

describe('parseCsv', () => {
  it('splits records on CRLF, LF or CR and fields on commas, ignoring the final line break', () => {
    expect(fieldsOf('a,b\r\nc,d\ne,f\rg,h\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps empty fields, at the start, in the middle and at the end', () => {
    expect(fieldsOf(',x,,\n')).toEqual([['', 'x', '', '']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fieldsOf('"Doe, Jane","say ""hi""","one\r\ntwo",""\n')).toEqual([['Doe, Jane', 'say "hi"', 'one\r\ntwo', '']]);
  });

  it('ignores a byte order mark before the header', () => {
    expect(fieldsOf('\ufeffemail,name\nj@acme.test,Jane')).toEqual([
      ['email', 'name'],
      ['j@acme.test', 'Jane'],
    ]);
  });

  it('numbers records by the line they start on, counting line breaks inside quoted fields', () => {
    const records = parseCsv('h1,h2\n"multi\nline",x\r\nlast,y\n\nafter,blank');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 5, 6]);
    expect(records[3]!.fields).toEqual(['']);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(fieldsOf('Jane "JJ" Doe,x')).toEqual([['Jane "JJ" Doe', 'x']]);
  });

  it('reads a last record without a line break, even a single quoted empty field', () => {
    expect(fieldsOf('a\n""')).toEqual([['a'], ['']]);
    expect(fieldsOf('')).toEqual([]);
  });

  it('refuses a quote never closed, naming the line it opened on', () => {
    expect(syntaxErrorOf('email\n"jane@acme.test\nmore')).toMatchObject({
      line: 2,
      message: 'a quoted field opened on line 2 is never closed',
    });
  });

  it('refuses text after a closing quote', () => {
    expect(syntaxErrorOf('a\n"quoted"tail,b')).toMatchObject({ line: 2, message: 'line 2 has text after the closing quote of a field' });
  });
});

function syntaxErrorOf(text: string): CsvSyntaxError {
  try {
    parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('parsed without a syntax error');
}
