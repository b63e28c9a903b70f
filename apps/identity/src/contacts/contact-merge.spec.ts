import { mergedMemberships, mergedPhones, mergedTags } from './contact-merge';

describe('mergedPhones', () => {
  it('adds the merged-away numbers the survivor lacks and keeps a number both have once', () => {
    const phones = mergedPhones(
      [
        { number: '+3906111', kind: 'direct' },
        { number: '+3906000', kind: 'shared' },
      ],
      [
        { number: '+3906000', kind: 'shared' },
        { number: '+3906222', kind: 'direct' },
      ],
    );
    expect(phones).toEqual([
      { number: '+3906111', kind: 'direct' },
      { number: '+3906000', kind: 'shared' },
      { number: '+3906222', kind: 'direct' },
    ]);
  });

  it('makes a number direct when either contact had it direct', () => {
    expect(mergedPhones([{ number: '+1555', kind: 'shared' }], [{ number: '+1555', kind: 'direct' }])).toEqual([
      { number: '+1555', kind: 'direct' },
    ]);
    expect(mergedPhones([{ number: '+1555', kind: 'direct' }], [{ number: '+1555', kind: 'shared' }])).toEqual([
      { number: '+1555', kind: 'direct' },
    ]);
  });
});

describe('mergedMemberships', () => {
  it('lists every organization once, a primary contact on either side staying one', () => {
    const memberships = mergedMemberships(
      [
        { organizationId: 'acme', isPrimaryContact: false },
        { organizationId: 'globex', isPrimaryContact: true },
      ],
      [
        { organizationId: 'acme', isPrimaryContact: true },
        { organizationId: 'initech', isPrimaryContact: false },
        { organizationId: 'globex', isPrimaryContact: false },
      ],
    );
    expect(memberships).toEqual([
      { organizationId: 'acme', isPrimaryContact: true },
      { organizationId: 'globex', isPrimaryContact: true },
      { organizationId: 'initech', isPrimaryContact: false },
    ]);
  });
});

describe('mergedTags', () => {
  it('unites the tags, the survivor first, within the per-contact limit', () => {
    expect(mergedTags(['vip', 'beta'], ['beta', 'billing'])).toEqual(['vip', 'beta', 'billing']);
    const many = Array.from({ length: 60 }, (_, index) => `tag-${index}`);
    expect(mergedTags(many.slice(0, 30), many.slice(20))).toEqual(many.slice(0, 50));
  });
});
