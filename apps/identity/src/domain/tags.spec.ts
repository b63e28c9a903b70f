import { normalizeTag, uniqueTags } from './tags';

describe('normalizeTag', () => {
  it('lower-cases and trims slugs', () => {
    expect(normalizeTag(' VIP-Customer ')).toBe('vip-customer');
    expect(normalizeTag('tier2')).toBe('tier2');
  });

  it.each(['', 'two words', '-lead', 'trail-', 'a--b', 'ümlaut', '<b>', 'x'.repeat(51)])('rejects %p', (raw) => {
    expect(normalizeTag(raw)).toBeNull();
  });
});

describe('uniqueTags', () => {
  it('keeps the first occurrence of each tag', () => {
    expect(uniqueTags(['vip', 'beta', 'vip'])).toEqual(['vip', 'beta']);
  });
});
