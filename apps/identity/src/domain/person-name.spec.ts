import { nameAfter, nameFromFullName, nameFromParts, noName } from './person-name';

describe('nameFromFullName', () => {
  it('takes the first word as first name and the rest as last name', () => {
    expect(nameFromFullName('Jean Claude  Van Damme')).toEqual({
      fullName: 'Jean Claude  Van Damme',
      firstName: 'Jean',
      lastName: 'Claude Van Damme',
    });
  });

  it('leaves the last name empty for a single word', () => {
    expect(nameFromFullName('bob')).toEqual({ fullName: 'bob', firstName: 'bob', lastName: null });
  });
});

describe('nameFromParts', () => {
  it('joins first and last name for display', () => {
    expect(nameFromParts('Jane', 'Doe')).toEqual({ fullName: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' });
  });

  it('works with either part alone', () => {
    expect(nameFromParts(null, 'Doe')).toEqual({ fullName: 'Doe', firstName: null, lastName: 'Doe' });
    expect(nameFromParts('Jane', '')).toEqual({ fullName: 'Jane', firstName: 'Jane', lastName: null });
  });
});

describe('nameAfter', () => {
  const jane = nameFromParts('Jane', 'Doe');

  it('takes a whole name over the current one', () => {
    expect(nameAfter({ name: 'Mary Ann Smith' }, jane)).toEqual({ fullName: 'Mary Ann Smith', firstName: 'Mary', lastName: 'Ann Smith' });
  });

  it('changes one part and keeps the other', () => {
    expect(nameAfter({ lastName: 'Roe' }, jane)).toEqual({ fullName: 'Jane Roe', firstName: 'Jane', lastName: 'Roe' });
    expect(nameAfter({ firstName: null }, jane)).toEqual({ fullName: 'Doe', firstName: null, lastName: 'Doe' });
  });

  it('keeps the current name when the change does not touch it', () => {
    expect(nameAfter({}, jane)).toBe(jane);
  });

  it('leaves no name when every part is cleared', () => {
    expect(nameAfter({ firstName: null }, noName).fullName).toBe('');
  });
});
