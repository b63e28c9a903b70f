import { eraseFromText } from './erase-from-text';

describe('erasing a contact from free text', () => {
  const identifiers = {
    addresses: ['jane.doe+work@acme.test', 'jd@home.test'],
    names: ['Jane Doe', 'Jane'],
    placeholderName: 'Deleted contact',
  };

  it('replaces its addresses in any case, wherever they stand, and its names as whole words', () => {
    expect(eraseFromText('Hello Jane Doe, write to <JANE.DOE+work@acme.test> or mailto:jd@home.test.', identifiers)).toBe(
      'Hello Deleted contact, write to <[address erased]> or mailto:[address erased].',
    );
    expect(eraseFromText('On Monday, jane wrote:', identifiers)).toBe('On Monday, Deleted contact wrote:');
  });

  it('leaves longer words, other addresses and longer domains alone', () => {
    const text = 'Janet and xjd@home.test and jd@home.test.example and jd@home.tester';
    expect(eraseFromText(text, identifiers)).toBe(text);
  });

  it('treats the characters of a name or address literally', () => {
    expect(
      eraseFromText('Ask O.(Brien)* or o.(brien)*!', { addresses: [], names: ['O.(Brien)*'], placeholderName: 'Deleted contact' }),
    ).toBe('Ask Deleted contact or Deleted contact!');
    expect(
      eraseFromText('Thanks, mary-jane / Mary-Janet', {
        addresses: ['m-j@x.test'],
        names: ['Mary-Jane'],
        placeholderName: 'Deleted contact',
      }),
    ).toBe('Thanks, Deleted contact / Mary-Janet');
    expect(eraseFromText('Ask OxBrien', { addresses: [], names: ['O.Brien'], placeholderName: 'Deleted contact' })).toBe('Ask OxBrien');
  });

  it('keeps names too short to tell from ordinary words, and texts with nothing to erase', () => {
    expect(eraseFromText('Al said hi', { addresses: [], names: ['Al'], placeholderName: 'Deleted contact' })).toBe('Al said hi');
    expect(eraseFromText('Nothing here', { addresses: [], names: [], placeholderName: 'Deleted contact' })).toBe('Nothing here');
  });
});
