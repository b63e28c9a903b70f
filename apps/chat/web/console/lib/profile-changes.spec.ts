import { profileChanges, profileFormOf, ProfileFields } from './profile-changes';

describe('profileChanges', () => {
  const contact: ProfileFields = {
    name: 'Nora Nowak',
    language: 'pl',
    timeZone: null,
    details: null,
    notes: 'Calls back in the mornings.',
    tags: ['vip'],
    phones: [{ number: '+48221234567', kind: 'direct' }],
  };

  it('sends nothing for a form left as it was', () => {
    expect(profileChanges(contact, profileFormOf(contact))).toEqual({});
  });

  it('sends only the fields that changed, trimmed, with emptied text as null', () => {
    const form = { ...profileFormOf(contact), name: ' Nora Kowalska ', language: '', timeZone: 'Europe/Warsaw', tags: 'vip, beta ,' };
    expect(profileChanges(contact, form)).toEqual({
      name: 'Nora Kowalska',
      language: null,
      timeZone: 'Europe/Warsaw',
      tags: ['vip', 'beta'],
    });
  });

  it('sends the whole phone list when a number or its kind changed, without rows left blank', () => {
    const shared = { ...profileFormOf(contact), phones: [{ number: '+48221234567', kind: 'shared' as const }] };
    expect(profileChanges(contact, shared)).toEqual({ phones: [{ number: '+48221234567', kind: 'shared' }] });
    const blankRow = { ...profileFormOf(contact), phones: [...contact.phones, { number: ' ', kind: 'direct' as const }] };
    expect(profileChanges(contact, blankRow)).toEqual({});
  });
});
