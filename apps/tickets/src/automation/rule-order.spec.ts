import { movedTo } from './rule-order';

describe('movedTo', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('moves a rule up or down, the others keeping their order', () => {
    expect(movedTo(order, 'd', 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(movedTo(order, 'a', 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(movedTo(order, 'b', 2)).toEqual(order);
  });

  it('puts a position past the end last, and places a rule not yet in the order', () => {
    expect(movedTo(order, 'b', 99)).toEqual(['a', 'c', 'd', 'b']);
    expect(movedTo(order, 'new', 2)).toEqual(['a', 'new', 'b', 'c', 'd']);
  });
});
