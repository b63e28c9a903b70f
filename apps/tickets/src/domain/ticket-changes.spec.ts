import { ChangeableFields, changesOf } from './ticket-changes';

const current: ChangeableFields = { status: 'open', priority: 'normal', categoryId: null, assigneeId: null, tags: ['vip', 'billing'] };

describe('changesOf', () => {
  it('lists each changed field with its old and new value, in a fixed order', () => {
    expect(changesOf(current, { tags: ['vip'], assigneeId: 'a-1', status: 'pending' })).toEqual([
      { field: 'status', from: 'open', to: 'pending' },
      { field: 'assigneeId', from: null, to: 'a-1' },
      { field: 'tags', from: ['vip', 'billing'], to: ['vip'] },
    ]);
  });

  it('ignores values given unchanged, tags in another order included', () => {
    expect(changesOf(current, { status: 'open', priority: 'normal', tags: ['billing', 'vip'] })).toEqual([]);
  });

  it('sees clearing a value as a change', () => {
    expect(changesOf({ ...current, categoryId: 'c-1' }, { categoryId: null })).toEqual([{ field: 'categoryId', from: 'c-1', to: null }]);
  });

  it('tells tags apart that have the same length but other members', () => {
    expect(changesOf(current, { tags: ['vip', 'vip'] })).toEqual([{ field: 'tags', from: ['vip', 'billing'], to: ['vip', 'vip'] }]);
  });
});
