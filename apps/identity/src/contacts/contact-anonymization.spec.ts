import { erasedIdentifiersOf } from './contact-anonymization';

describe('erasedIdentifiersOf', () => {
  it('names every address once, in lower case, and the full name with first and last name when they differ', () => {
    expect(
      erasedIdentifiersOf({
        name: 'Dr. Kim Lee',
        firstName: 'Kim',
        lastName: 'Lee',
        emails: [{ email: 'Kim@Acme.test' }, { email: 'kim@acme.test' }, { email: 'kim@home.test' }],
      }),
    ).toEqual({ emails: ['kim@acme.test', 'kim@home.test'], names: ['Dr. Kim Lee', 'Kim Lee'] });
  });

  it('names the full name alone when there are no first and last names, and nothing empty', () => {
    expect(erasedIdentifiersOf({ name: 'Kim', firstName: null, lastName: '', emails: [] })).toEqual({ emails: [], names: ['Kim'] });
  });
});
