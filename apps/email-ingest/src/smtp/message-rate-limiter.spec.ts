import { MessageRateLimiter } from './message-rate-limiter';

const minute = 60_000;

function acquireTimes(limiter: MessageRateLimiter, client: string, now: number, times: number): boolean[] {
  return Array.from({ length: times }, () => limiter.tryAcquire(client, now));
}

describe('MessageRateLimiter', () => {
  it('allows a client its limit per minute and refuses the next message', () => {
    const limiter = new MessageRateLimiter(3, minute);
    expect(acquireTimes(limiter, '192.0.2.1', 0, 4)).toEqual([true, true, true, false]);
  });

  it('counts each client address on its own', () => {
    const limiter = new MessageRateLimiter(1, minute);
    expect(limiter.tryAcquire('192.0.2.1', 0)).toBe(true);
    expect(limiter.tryAcquire('192.0.2.1', 0)).toBe(false);
    expect(limiter.tryAcquire('192.0.2.2', 0)).toBe(true);
  });

  it('does not count refused attempts, so a client that keeps trying is not locked out for good', () => {
    const limiter = new MessageRateLimiter(2, minute);
    acquireTimes(limiter, '192.0.2.1', 0, 50);
    expect(limiter.tryAcquire('192.0.2.1', 2 * minute)).toBe(true);
  });

  it('slides, so a client cannot send twice its limit around a window boundary as a fixed window would allow', () => {
    const limiter = new MessageRateLimiter(4, minute);
    limiter.tryAcquire('192.0.2.1', 0);
    expect(acquireTimes(limiter, '192.0.2.1', 59_000, 3)).toEqual([true, true, true]);
    // Two seconds later a new fixed window has begun, but the four messages of the last minute still count.
    expect(acquireTimes(limiter, '192.0.2.1', 61_000, 2)).toEqual([true, false]);
  });

  it('gives back capacity as the previous window slides out', () => {
    const limiter = new MessageRateLimiter(4, minute);
    acquireTimes(limiter, '192.0.2.1', 0, 4);
    // Half a minute into the next window half of the previous four still count: two more are allowed.
    expect(acquireTimes(limiter, '192.0.2.1', minute + minute / 2, 3)).toEqual([true, true, false]);
    expect(acquireTimes(limiter, '192.0.2.1', 3 * minute, 4)).toEqual([true, true, true, true]);
  });

  it('forgets clients that sent nothing for two windows, so memory does not grow with every client ever seen', () => {
    const limiter = new MessageRateLimiter(5, minute);
    for (let client = 0; client < 1000; client++) limiter.tryAcquire(`198.51.100.${client}`, 0);
    expect(limiter.trackedClients).toBe(1000);
    limiter.tryAcquire('192.0.2.1', 2 * minute);
    expect(limiter.trackedClients).toBe(1);
  });

  it('keeps a client whose messages still count', () => {
    const limiter = new MessageRateLimiter(2, minute);
    acquireTimes(limiter, '192.0.2.1', 0, 2);
    limiter.tryAcquire('192.0.2.2', minute + minute / 4);
    expect(limiter.trackedClients).toBe(2);
    // A quarter into the next window three quarters of the two earlier messages still count.
    expect(acquireTimes(limiter, '192.0.2.1', minute + minute / 4, 2)).toEqual([true, false]);
  });
});
