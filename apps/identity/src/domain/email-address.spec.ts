import { displayNameFor, domainAndParents, domainOf, normalizeDomain, normalizeEmail } from './email-address';

describe('normalizeEmail', () => {
  it('lower-cases and trims', () => {
    expect(normalizeEmail('  Jane.Doe@ACME.test ')).toBe('jane.doe@acme.test');
  });

  it('stores internationalized domains in punycode', () => {
    expect(normalizeEmail('jane@Bücher.test')).toBe('jane@xn--bcher-kva.test');
    expect(normalizeEmail('jane@xn--bcher-kva.test')).toBe('jane@xn--bcher-kva.test');
  });

  it.each(['', 'jane', '@acme.test', 'jane@', 'jane@localhost', 'ja ne@acme.test', 'jane@acme..test', 'a<b@acme.test'])(
    'rejects %p',
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );
});

describe('normalizeDomain', () => {
  it('drops a trailing dot and lower-cases', () => {
    expect(normalizeDomain('Acme.Test.')).toBe('acme.test');
  });

  it('rejects labels that start with a hyphen', () => {
    expect(normalizeDomain('-acme.test')).toBeNull();
  });
});

describe('domainOf', () => {
  it('returns the part after the last @', () => {
    expect(domainOf('jane@acme.test')).toBe('acme.test');
  });
});

describe('domainAndParents', () => {
  it('lists the domain and each parent, most specific first', () => {
    expect(domainAndParents('support.eu.acme.test')).toEqual(['support.eu.acme.test', 'eu.acme.test', 'acme.test', 'test']);
    expect(domainAndParents('acme.test')).toEqual(['acme.test', 'test']);
  });
});

describe('displayNameFor', () => {
  it('prefers the display name, collapsing white space', () => {
    expect(displayNameFor('jane@acme.test', '  Jane   Doe ')).toBe('Jane Doe');
  });

  it('strips markup from the display name', () => {
    expect(displayNameFor('jane@acme.test', '<script>alert(1)</script>Jane <b>Doe</b>')).toBe('Jane Doe');
  });

  it('falls back to the local part when there is no name or the name is the address', () => {
    expect(displayNameFor('bob@unknown.test')).toBe('bob');
    expect(displayNameFor('bob@unknown.test', 'BOB@unknown.test')).toBe('bob');
  });
});
