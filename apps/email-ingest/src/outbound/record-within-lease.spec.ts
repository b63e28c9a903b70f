import { Clock, recordWithinLease } from './record-within-lease';

/** A clock that moves only when slept on, so the lease can be run out without waiting. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

const databaseDown = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('recordWithinLease', () => {
  it('records at once when the database answers', async () => {
    const clock = fakeClock();
    expect(await recordWithinLease(async () => 'recorded', 120_000, clock)).toBe('recorded');
    expect(clock.slept).toEqual([]);
  });

  it('tries again, backing off, while the database is away, until the outcome is recorded', async () => {
    const clock = fakeClock();
    const failures = [databaseDown(), databaseDown(), databaseDown()];
    const record = jest.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
      return 'recorded';
    });
    expect(await recordWithinLease(record, 120_000, clock)).toBe('recorded');
    expect(record).toHaveBeenCalledTimes(4);
    expect(clock.slept).toEqual([200, 400, 800]);
  });

  it('passes the failure on when the next try would come after the lease', async () => {
    const clock = fakeClock();
    const record = jest.fn(async () => {
      throw databaseDown();
    });
    await expect(recordWithinLease(record, 5_000, clock)).rejects.toThrow('ECONNREFUSED');
    expect(clock.slept).toEqual([200, 400, 800, 1_600]);
    expect(clock.now()).toBeLessThan(5_000);
  });

  it('passes on at once a failure no retry would change', async () => {
    const clock = fakeClock();
    const record = jest.fn(async () => {
      throw new Error('value too long for type character varying(20)');
    });
    await expect(recordWithinLease(record, 120_000, clock)).rejects.toThrow('value too long');
    expect(record).toHaveBeenCalledTimes(1);
  });
});
