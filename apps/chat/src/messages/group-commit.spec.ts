import { GroupCommit } from './group-commit';

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Batches that finish when the test says so, each answering its items doubled. */
function controlledWork() {
  const batches: { items: number[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const work = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push({ items, finish: () => resolve(items.map((item) => item * 2)), fail: reject });
    });
  return { batches, work };
}

describe('GroupCommit', () => {
  it('sends a lone item at once, as a batch of one', async () => {
    const { batches, work } = controlledWork();
    const commits = new GroupCommit(work, { maxInFlight: 2, maxBatchSize: 10, keyOf: String });

    const answer = commits.submit(1);
    await turn();
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);
    batches[0]!.finish();
    await expect(answer).resolves.toBe(2);
  });

  it('puts the items of one event-loop turn in one batch, each answered its own result', async () => {
    const { batches, work } = controlledWork();
    const commits = new GroupCommit(work, { maxInFlight: 2, maxBatchSize: 10, keyOf: String });

    const answers = [1, 2, 3].map((item) => commits.submit(item));
    await turn();
    batches[0]!.finish();

    await expect(Promise.all(answers)).resolves.toEqual([2, 4, 6]);
    expect(batches.map((batch) => batch.items)).toEqual([[1, 2, 3]]);
  });

  it('gathers what arrives while every slot is busy into the next batch, in the order it arrived', async () => {
    const { batches, work } = controlledWork();
    const commits = new GroupCommit(work, { maxInFlight: 1, maxBatchSize: 10, keyOf: String });

    const first = commits.submit(1);
    await turn();
    const later = [2, 3].map((item) => commits.submit(item));
    await turn();
    void commits.submit(4);
    await turn();
    expect(batches.map((batch) => batch.items)).toEqual([[1]]);

    batches[0]!.finish();
    await first;
    await turn();
    await turn();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2, 3, 4]]);
    batches[1]!.finish();
    await expect(Promise.all(later)).resolves.toEqual([4, 6]);
  });

  it('takes at most maxBatchSize items in a batch', async () => {
    const { batches, work } = controlledWork();
    const commits = new GroupCommit(work, { maxInFlight: 3, maxBatchSize: 2, keyOf: String });

    [1, 2, 3, 4, 5].forEach((item) => void commits.submit(item));
    for (let index = 0; index < 3; index++) await turn();

    expect(batches.map((batch) => batch.items)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("rejects a failed batch's items with its error and goes on with the next batches", async () => {
    const { batches, work } = controlledWork();
    const commits = new GroupCommit(work, { maxInFlight: 1, maxBatchSize: 10, keyOf: String });
    const failure = new Error('database gone');

    const failed = commits.submit(1);
    await turn();
    const next = commits.submit(2);
    batches[0]!.fail(failure);
    await expect(failed).rejects.toBe(failure);
    await turn();
    batches[1]!.finish();

    await expect(next).resolves.toBe(4);
  });

  it('runs batches of other keys alongside, while an item waits for the running batch holding its key', async () => {
    const { batches, work } = controlledWork();
    const commits = new GroupCommit(work, { maxInFlight: 3, maxBatchSize: 10, keyOf: (item: number) => String(item % 10) });

    const first = commits.submit(11);
    await turn();
    // 21 has the key of 11 (1), which is committing; 32 and 43 have keys no batch holds.
    const later = [21, 32, 43].map((item) => commits.submit(item));
    await turn();
    await turn();
    expect(batches.map((batch) => batch.items)).toEqual([[11], [32, 43]]);

    batches[0]!.finish();
    await first;
    await turn();
    await turn();
    expect(batches.map((batch) => batch.items)).toEqual([[11], [32, 43], [21]]);
    batches[2]!.finish();
    batches[1]!.finish();
    await expect(Promise.all(later)).resolves.toEqual([42, 64, 86]);
  });

  it('keeps the items of a key in the order they came when some wait for a running batch', async () => {
    const { batches, work } = controlledWork();
    const commits = new GroupCommit(work, { maxInFlight: 2, maxBatchSize: 10, keyOf: (item: number) => String(item % 10) });

    void commits.submit(1);
    await turn();
    [11, 2, 21].forEach((item) => void commits.submit(item));
    await turn();
    await turn();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2]]);

    batches[0]!.finish();
    await turn();
    await turn();
    expect(batches.map((batch) => batch.items)).toEqual([[1], [2], [11, 21]]);
  });
});
