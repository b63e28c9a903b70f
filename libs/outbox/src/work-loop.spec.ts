import { WorkLoop } from './work-loop';

function loopWith(results: (number | Error)[], calls: number[]) {
  return new WorkLoop({
    batchSize: 10,
    idlePollMs: 60_000,
    errorBackoffMs: 60_000,
    onError: () => undefined,
    work: async () => {
      calls.push(Date.now());
      const next = results.shift() ?? 0;
      if (next instanceof Error) throw next;
      return next;
    },
  });
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('WorkLoop', () => {
  it('keeps working while rounds come back full, then sleeps', async () => {
    const calls: number[] = [];
    const loop = loopWith([10, 10, 3], calls);
    loop.start();
    for (let index = 0; index < 10; index++) await settle();
    expect(calls).toHaveLength(3);
    await loop.stop();
  });

  it('wakes from its sleep when told new work was committed, even if told during a round', async () => {
    const calls: number[] = [];
    const loop = loopWith([0, 0, 0], calls);
    loop.start();
    await settle();
    loop.wake();
    for (let index = 0; index < 5; index++) await settle();
    expect(calls).toHaveLength(2);
    await loop.stop();
  });

  it('reports a failed round and backs off instead of spinning', async () => {
    const calls: number[] = [];
    const errors: unknown[] = [];
    const failure = new Error('database down');
    const loop = new WorkLoop({
      batchSize: 10,
      idlePollMs: 60_000,
      errorBackoffMs: 60_000,
      onError: (error) => errors.push(error),
      work: async () => {
        calls.push(Date.now());
        throw failure;
      },
    });
    loop.start();
    for (let index = 0; index < 10; index++) await settle();
    expect(calls).toHaveLength(1);
    expect(errors).toEqual([failure]);
    await loop.stop();
  });
});
