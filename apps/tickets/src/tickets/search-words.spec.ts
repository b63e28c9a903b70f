import { searchWords } from './search-words';

describe('searchWords', () => {
  it('splits on white space, lower-cases and keeps each word once', () => {
    expect(searchWords('  Export  BUTTON\texport\nfirefox ')).toEqual(['export', 'button', 'firefox']);
  });

  it('removes tsquery syntax so input can never change the query', () => {
    expect(searchWords("a&b | !c (d) e:* f<->g 'h' \\i")).toEqual(['ab', 'c', 'd', 'e', 'f-g', 'h', 'i']);
  });

  it('keeps addresses, hyphenated words and accented letters whole, and drops words without a letter or digit', () => {
    expect(searchWords('jane@acme.test sign-in perché -- ...')).toEqual(['jane@acme.test', 'sign-in', 'perché']);
  });

  it('uses at most ten words', () => {
    expect(searchWords('a b c d e f g h i j k l')).toHaveLength(10);
  });
});
