import { organizationForAddress, RegisteredDomain } from './organization-for-address';

const acme = 'org-acme';
const acmeEu = 'org-acme-eu';
const other = 'org-other';

const registered = (domain: string, organizationId: string, includeSubdomains = false): RegisteredDomain => ({
  domain,
  organizationId,
  includeSubdomains,
});

describe('organizationForAddress', () => {
  it('matches a domain registered exactly, with or without its subdomains', () => {
    expect(organizationForAddress('acme.test', [registered('acme.test', acme)])).toMatchObject({
      outcome: 'matched',
      organizationId: acme,
    });
    expect(organizationForAddress('acme.test', [registered('acme.test', acme, true)])).toMatchObject({
      outcome: 'matched',
      organizationId: acme,
    });
  });

  it('matches a subdomain only when the registered domain includes its subdomains', () => {
    expect(organizationForAddress('eu.acme.test', [registered('acme.test', acme)])).toEqual({ outcome: 'unmatched' });
    expect(organizationForAddress('eu.acme.test', [registered('acme.test', acme, true)])).toMatchObject({
      outcome: 'matched',
      organizationId: acme,
    });
    expect(organizationForAddress('support.eu.acme.test', [registered('acme.test', acme, true)])).toMatchObject({
      outcome: 'matched',
      organizationId: acme,
    });
  });

  it('never matches a domain that merely ends with the same letters', () => {
    expect(organizationForAddress('notacme.test', [registered('acme.test', acme, true)])).toEqual({ outcome: 'unmatched' });
    expect(organizationForAddress('acme.test.evil', [registered('acme.test', acme, true)])).toEqual({ outcome: 'unmatched' });
  });

  it('does not match a parent of a registered domain', () => {
    expect(organizationForAddress('acme.test', [registered('eu.acme.test', acmeEu, true)])).toEqual({ outcome: 'unmatched' });
  });

  it('is unmatched without registered domains', () => {
    expect(organizationForAddress('acme.test', [])).toEqual({ outcome: 'unmatched' });
  });

  it('prefers the most specific registered domain', () => {
    const domains = [registered('acme.test', acme, true), registered('eu.acme.test', acmeEu, true)];
    expect(organizationForAddress('support.eu.acme.test', domains)).toMatchObject({
      outcome: 'matched',
      organizationId: acmeEu,
      registeredDomain: domains[1],
    });
    expect(organizationForAddress('eu.acme.test', domains)).toMatchObject({ outcome: 'matched', organizationId: acmeEu });
    expect(organizationForAddress('us.acme.test', domains)).toMatchObject({ outcome: 'matched', organizationId: acme });
  });

  it('prefers an exact registration over a parent that includes subdomains', () => {
    const domains = [registered('acme.test', acme, true), registered('eu.acme.test', acmeEu)];
    expect(organizationForAddress('eu.acme.test', domains)).toMatchObject({ outcome: 'matched', organizationId: acmeEu });
  });

  it('ignores registered domains off the path to the address', () => {
    const domains = [registered('acme.test', acme, true), registered('us.acme.test', other), registered('globex.test', other, true)];
    expect(organizationForAddress('eu.acme.test', domains)).toMatchObject({ outcome: 'matched', organizationId: acme });
  });

  it('is ambiguous when another organization registered a domain on the way without its subdomains', () => {
    const domains = [registered('uni.test', acme, true), registered('physics.uni.test', other)];
    expect(organizationForAddress('lab.physics.uni.test', domains)).toEqual({ outcome: 'ambiguous', claims: [domains[0], domains[1]] });
  });

  it('is not ambiguous when the domain on the way belongs to the same organization', () => {
    const domains = [registered('uni.test', acme, true), registered('physics.uni.test', acme)];
    expect(organizationForAddress('lab.physics.uni.test', domains)).toMatchObject({ outcome: 'matched', organizationId: acme });
  });

  it('is ambiguous when organizations claim the address at the same specificity, whatever their order', () => {
    const domains = [registered('acme.test', other, true), registered('acme.test', acme, true)];
    const expected = { outcome: 'ambiguous', claims: expect.arrayContaining(domains) };
    expect(organizationForAddress('eu.acme.test', domains)).toEqual(expected);
    expect(organizationForAddress('eu.acme.test', [...domains].reverse())).toEqual(expected);
    expect(organizationForAddress('acme.test', [registered('acme.test', other), registered('acme.test', acme)])).toMatchObject({
      outcome: 'ambiguous',
    });
  });

  it('is not ambiguous when one organization lists the same domain twice', () => {
    const domains = [registered('acme.test', acme, true), registered('acme.test', acme)];
    expect(organizationForAddress('eu.acme.test', domains)).toMatchObject({ outcome: 'matched', organizationId: acme });
  });
});
