import { GroupCommit } from './group-commit';

/** A commit whose calls stay in flight until the test lets them finish; each item's result is its upper case. */
function controlledCommit() {
  const calls: { items: string[]; finish: (error?: Error) => void }[] = [];
  const commit = (items: string[]) =>
    new Promise<string[]>((resolve, reject) =>
      calls.push({ items, finish: (error) => (error ? reject(error) : resolve(items.map((item) => item.toUpperCase()))) }),
    );
  return { calls, commit };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('commits an item at once, alone, when no commit is in flight', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxItems: 10, maxInFlight: 1 });
    const stored = group.submit('a');
    expect(calls.map((call) => call.items)).toEqual([['a']]);
    calls[0].finish();
    await expect(stored).resolves.toBe('A');
  });

  it('commits what arrived during a commit together in the next one, each caller getting its own result', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxItems: 10, maxInFlight: 1 });
    const first = group.submit('a');
    const rest = [group.submit('b'), group.submit('c'), group.submit('d')];
    expect(calls).toHaveLength(1);
    calls[0].finish();
    await first;
    await settle();
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c', 'd']]);
    calls[1].finish();
    await expect(Promise.all(rest)).resolves.toEqual(['B', 'C', 'D']);
  });

  it('commits at most maxItems at a time, in arrival order', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxItems: 2, maxInFlight: 1 });
    const all = ['a', 'b', 'c', 'd', 'e'].map((item) => group.submit(item));
    for (let call = 0; call < 3; call++) {
      calls[call].finish();
      await settle();
    }
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
    await expect(Promise.all(all)).resolves.toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('fails every item of a failed commit, and only those, then goes on with the next', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxItems: 10, maxInFlight: 1 });
    const first = group.submit('a');
    const second = group.submit('b');
    const third = group.submit('c');
    calls[0].finish();
    await first;
    await settle();
    const failure = new Error('database down');
    calls[1].finish(failure);
    await expect(second).rejects.toBe(failure);
    await expect(third).rejects.toBe(failure);
    const fourth = group.submit('d');
    await settle();
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c'], ['d']]);
    calls[2].finish();
    await expect(fourth).resolves.toBe('D');
  });

  it('commits up to maxInFlight batches at once, what arrives meanwhile going in the next slot to free', async () => {
    const { calls, commit } = controlledCommit();
    const group = new GroupCommit(commit, { maxItems: 10, maxInFlight: 2 });
    const first = group.submit('a');
    const second = group.submit('b');
    const rest = [group.submit('c'), group.submit('d')];
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b']]);
    calls[1].finish();
    await expect(second).resolves.toBe('B');
    await settle();
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b'], ['c', 'd']]);
    calls[0].finish();
    calls[2].finish();
    await expect(Promise.all([first, ...rest])).resolves.toEqual(['A', 'C', 'D']);
  });

  it('fails the batch when the commit does not answer for every item', async () => {
    const group = new GroupCommit(async (items: string[]) => items.slice(1), { maxItems: 10, maxInFlight: 1 });
    await expect(group.submit('a')).rejects.toThrow('commit returned 0 results for 1 items');
  });
});
