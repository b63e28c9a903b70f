import { anonymousContactName, erasedProfile } from './contact-anonymization';

describe('erasedProfile', () => {
  it('keeps only the placeholder name, clears every other personal field and makes the contact inactive', () => {
    expect(erasedProfile()).toEqual({
      name: { fullName: anonymousContactName, firstName: null, lastName: null },
      language: null,
      timeZone: null,
      details: null,
      notes: null,
      tags: [],
      status: 'inactive',
    });
  });
});
