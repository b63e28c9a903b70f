import { ReadAhead } from './read-ahead';

describe('ReadAhead', () => {
  let clock: number;
  const readAhead = (limits = { maxBytes: 100, maxAgeMs: 1000 }) => new ReadAhead<string>(limits, () => clock);

  beforeEach(() => {
    clock = 0;
  });

  it('hands out the work started for a key once', async () => {
    const ahead = readAhead();
    const work = jest.fn(async () => 'read');
    ahead.start('a', 10, work);
    await expect(ahead.take('a')).resolves.toBe('read');
    expect(ahead.take('a')).toBeUndefined();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('starts the work for a key only once while it waits to be taken', () => {
    const ahead = readAhead();
    const work = jest.fn(async () => 'read');
    ahead.start('a', 10, work);
    ahead.start('a', 10, work);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('has nothing for a key it never started', () => {
    expect(readAhead().take('a')).toBeUndefined();
  });

  it('starts nothing more while the inputs kept reach the bound, and again once some are taken', () => {
    const ahead = readAhead({ maxBytes: 25, maxAgeMs: 1000 });
    ahead.start('a', 10, async () => 'a');
    ahead.start('b', 10, async () => 'b');
    ahead.start('c', 10, async () => 'c');
    expect(ahead.take('c')).toBeUndefined();
    void ahead.take('a');
    ahead.start('c', 10, async () => 'c');
    expect(ahead.take('c')).toBeDefined();
  });

  it('forgets work never taken after the maximum age, which frees its share of the bound', () => {
    const ahead = readAhead({ maxBytes: 10, maxAgeMs: 1000 });
    ahead.start('a', 10, async () => 'a');
    clock = 1001;
    ahead.start('b', 10, async () => 'b');
    expect(ahead.take('a')).toBeUndefined();
    expect(ahead.take('b')).toBeDefined();
  });

  it('hands a failed work to its taker and reports nothing unhandled before', async () => {
    const ahead = readAhead();
    ahead.start('a', 10, async () => {
      throw new Error('unreadable');
    });
    await new Promise((resolve) => setImmediate(resolve));
    await expect(ahead.take('a')).rejects.toThrow('unreadable');
  });
});
