import { ConnectionCounter, TokenBucket } from './rate-limiter';

describe('TokenBucket', () => {
  it('lets a full burst through at once, then refuses', () => {
    const bucket = new TokenBucket({ ratePerSecond: 5, burst: 3 });
    expect([1, 2, 3, 4].map(() => bucket.tryTake(1_000))).toEqual([true, true, true, false]);
  });

  it('refills at the rate, one token per 1/rate seconds', () => {
    const bucket = new TokenBucket({ ratePerSecond: 5, burst: 1 });
    expect(bucket.tryTake(1_000)).toBe(true);
    expect(bucket.tryTake(1_199)).toBe(false);
    expect(bucket.tryTake(1_200)).toBe(true);
    expect(bucket.tryTake(1_300)).toBe(false);
    expect(bucket.tryTake(1_400)).toBe(true);
  });

  it('holds a steady rate over time, whatever the burst', () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2 });
    let taken = 0;
    for (let now = 0; now < 10_000; now += 10) if (bucket.tryTake(now)) taken++;
    expect(taken).toBeGreaterThanOrEqual(100);
    expect(taken).toBeLessThanOrEqual(102); // the rate for ten seconds plus the first burst
  });

  it('never holds more than the burst after a long quiet time', () => {
    const bucket = new TokenBucket({ ratePerSecond: 100, burst: 2 });
    bucket.tryTake(0);
    expect([1, 2, 3].map(() => bucket.tryTake(60_000))).toEqual([true, true, false]);
  });

  it('refills nothing when the clock goes back, and resumes from the latest time seen', () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 });
    expect(bucket.tryTake(10_000)).toBe(true);
    expect(bucket.tryTake(5_000)).toBe(false);
    expect(bucket.tryTake(10_999)).toBe(false);
    expect(bucket.tryTake(11_000)).toBe(true);
  });

  it('uses the wall clock when given no time', () => {
    const bucket = new TokenBucket({ ratePerSecond: 0.001, burst: 1 });
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('refuses a rate or burst that could never let anything through', () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerSecond: 1, burst: 0 })).toThrow(/burst of at least 1/);
  });
});

describe('ConnectionCounter', () => {
  it('admits up to the limit per key, each key on its own', () => {
    const counter = new ConnectionCounter();
    expect([1, 2, 3].map(() => counter.tryAcquire('203.0.113.7', 2))).toEqual([true, true, false]);
    expect(counter.tryAcquire('198.51.100.1', 2)).toBe(true);
  });

  it('admits again once a connection is released', () => {
    const counter = new ConnectionCounter();
    counter.tryAcquire('a', 1);
    expect(counter.tryAcquire('a', 1)).toBe(false);
    counter.release('a');
    expect(counter.tryAcquire('a', 1)).toBe(true);
  });

  it('ignores releasing more than was acquired, so the count never goes below zero', () => {
    const counter = new ConnectionCounter();
    counter.release('a');
    counter.tryAcquire('a', 1);
    counter.release('a');
    counter.release('a');
    expect(counter.tryAcquire('a', 1)).toBe(true);
    expect(counter.tryAcquire('a', 1)).toBe(false);
  });

  it('admits nothing under a limit of zero', () => {
    expect(new ConnectionCounter().tryAcquire('a', 0)).toBe(false);
  });
});
