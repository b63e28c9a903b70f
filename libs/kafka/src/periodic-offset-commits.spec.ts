import { PartitionOffset, PendingOffsets, PeriodicOffsetCommits } from './periodic-offset-commits';

describe('PendingOffsets', () => {
  it('keeps one offset per partition, one past the newest handled record', () => {
    const pending = new PendingOffsets();
    pending.handled('mail', 0, '4');
    pending.handled('mail', 0, '7');
    pending.handled('mail', 1, '2');
    pending.handled('tickets', 0, '9');
    expect(pending.take()).toEqual([
      { topic: 'mail', partition: 0, offset: '8' },
      { topic: 'mail', partition: 1, offset: '3' },
      { topic: 'tickets', partition: 0, offset: '10' },
    ]);
    expect(pending.size).toBe(0);
  });

  it('counts offsets past what a double holds exactly', () => {
    const pending = new PendingOffsets();
    pending.handled('mail', 0, '9007199254740993');
    expect(pending.take()).toEqual([{ topic: 'mail', partition: 0, offset: '9007199254740994' }]);
  });

  it('sends a rewound partition back to its beginning, and the records handled after the rewind forward again', () => {
    const pending = new PendingOffsets();
    pending.handled('mail', 0, '511');
    pending.handled('mail', 1, '40');
    pending.rewound('mail', [0, 1]);
    expect(pending.take()).toEqual([
      { topic: 'mail', partition: 0, offset: '0' },
      { topic: 'mail', partition: 1, offset: '0' },
    ]);
    pending.rewound('mail', [0]);
    pending.handled('mail', 0, '3');
    expect(pending.take()).toEqual([{ topic: 'mail', partition: 0, offset: '4' }]);
  });

  it('puts back what a commit failed to store, unless the partition moved on since', () => {
    const pending = new PendingOffsets();
    pending.handled('mail', 0, '4');
    pending.handled('mail', 1, '6');
    const failed = pending.take();
    pending.handled('mail', 1, '9');
    pending.putBack(failed);
    expect(pending.take()).toEqual([
      { topic: 'mail', partition: 1, offset: '10' },
      { topic: 'mail', partition: 0, offset: '5' },
    ]);
  });

  it('drops the partitions a rebalance gave to another member', () => {
    const pending = new PendingOffsets();
    pending.handled('mail', 0, '4');
    pending.handled('mail', 1, '6');
    pending.handled('tickets', 0, '1');
    pending.keepOnly({ mail: [1] });
    expect(pending.take()).toEqual([{ topic: 'mail', partition: 1, offset: '7' }]);
  });
});

describe('PeriodicOffsetCommits', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function recordingCommits(failures = 0) {
    const commits: PartitionOffset[][] = [];
    let failuresLeft = failures;
    const commit = async (offsets: PartitionOffset[]) => {
      if (failuresLeft-- > 0) throw new Error('coordinator not available');
      commits.push(offsets);
    };
    return { commits, commit };
  }

  it('commits what was handled once per interval, nothing when nothing was handled', async () => {
    const { commits, commit } = recordingCommits();
    const committer = new PeriodicOffsetCommits(commit, 1000);
    committer.start();
    committer.handled('mail', 0, '1');
    committer.handled('mail', 0, '2');
    await jest.advanceTimersByTimeAsync(999);
    expect(commits).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(commits).toEqual([[{ topic: 'mail', partition: 0, offset: '3' }]]);
    await jest.advanceTimersByTimeAsync(5000);
    expect(commits).toHaveLength(1);
    await committer.stop();
  });

  it('commits what is pending when stopped, and stops committing', async () => {
    const { commits, commit } = recordingCommits();
    const committer = new PeriodicOffsetCommits(commit, 1000);
    committer.start();
    committer.handled('mail', 1, '8');
    await committer.stop();
    expect(commits).toEqual([[{ topic: 'mail', partition: 1, offset: '9' }]]);
    committer.handled('mail', 1, '9');
    await jest.advanceTimersByTimeAsync(5000);
    expect(commits).toHaveLength(1);
  });

  it('keeps the offsets of a failed commit for the next one', async () => {
    const { commits, commit } = recordingCommits(1);
    const committer = new PeriodicOffsetCommits(commit, 1000);
    committer.start();
    committer.handled('mail', 0, '5');
    await jest.advanceTimersByTimeAsync(1000);
    expect(commits).toEqual([]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(commits).toEqual([[{ topic: 'mail', partition: 0, offset: '6' }]]);
    await committer.stop();
  });

  it('never has two commits in flight at once', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const committer = new PeriodicOffsetCommits(async () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      inFlight--;
    }, 1000);
    committer.start();
    for (let offset = 0; offset < 5; offset++) {
      committer.handled('mail', 0, String(offset));
      await jest.advanceTimersByTimeAsync(1000);
    }
    await jest.advanceTimersByTimeAsync(20_000);
    await committer.stop();
    expect(mostInFlight).toBe(1);
  });
});
