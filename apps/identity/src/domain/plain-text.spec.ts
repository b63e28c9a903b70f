import { plainText } from './plain-text';

describe('plainText', () => {
  it('drops scripts with their content and keeps the text around them', () => {
    expect(plainText('<script>alert(1)</script>Jane')).toBe('Jane');
    expect(plainText('Ja<SCRIPT type="x">steal()</SCRIPT >ne')).toBe('Jane');
    expect(plainText('Jane<script>never closed')).toBe('Jane');
  });

  it('removes tags but keeps their text', () => {
    expect(plainText('<b>x</b>')).toBe('x');
    expect(plainText('<img src=x onerror=alert(1)>Bob <a href="javascript:x">Smith</a>')).toBe('Bob Smith');
  });

  it('also strips what becomes markup once inner tags are removed', () => {
    expect(plainText('<<b>script>alert(1)<</b>/script>Jane')).toBe('Jane');
    expect(plainText('a < b > c')).toBe('a b c');
  });

  it('removes control and direction-override characters', () => {
    expect(plainText('Ja\u0000ne\u202e Doe\u0007')).toBe('Jane Doe');
  });

  it('collapses white space into single spaces for single-line text', () => {
    expect(plainText('  Jane \t\n  Doe  ')).toBe('Jane Doe');
  });

  it('keeps line breaks in multiline text, at most one empty line in a row', () => {
    expect(plainText('First  line\r\n\tsecond <i>line</i>\n\n\n\nlast ', { multiline: true })).toBe('First line\nsecond line\n\nlast');
  });
});
