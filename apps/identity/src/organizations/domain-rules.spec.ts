import { mergeDuplicateDomains } from './domain-rules';

describe('mergeDuplicateDomains', () => {
  it('keeps distinct domains in their order', () => {
    const rules = [
      { domain: 'acme.test', includeSubdomains: false },
      { domain: 'acme.example', includeSubdomains: true },
    ];
    expect(mergeDuplicateDomains(rules)).toEqual(rules);
  });

  it('includes subdomains when either listing of a domain asks for them', () => {
    expect(
      mergeDuplicateDomains([
        { domain: 'acme.test', includeSubdomains: true },
        { domain: 'acme.test', includeSubdomains: false },
      ]),
    ).toEqual([{ domain: 'acme.test', includeSubdomains: true }]);
    expect(
      mergeDuplicateDomains([
        { domain: 'acme.test', includeSubdomains: false },
        { domain: 'acme.test', includeSubdomains: false },
      ]),
    ).toEqual([{ domain: 'acme.test', includeSubdomains: false }]);
  });
});
