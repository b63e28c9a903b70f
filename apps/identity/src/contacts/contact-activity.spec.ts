import { activitiesPerPage, activityOffset, changedFields } from './contact-activity';

describe('changedFields', () => {
  it('names the fields given a value, null included, sorted', () => {
    expect(changedFields({ tags: ['vip'], language: null, firstName: 'Jane', notes: undefined })).toEqual([
      'firstName',
      'language',
      'tags',
    ]);
  });

  it('is empty for a change without fields', () => {
    expect(changedFields({})).toEqual([]);
  });
});

describe('activityOffset', () => {
  it('skips whole pages of ten', () => {
    expect(activitiesPerPage).toBe(10);
    expect(activityOffset(1)).toBe(0);
    expect(activityOffset(3)).toBe(20);
  });
});
