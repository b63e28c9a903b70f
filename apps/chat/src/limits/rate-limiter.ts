/**
 * A token bucket: it holds up to `burst` tokens, refills at `ratePerSecond`, and each action takes one. A socket
 * may send a short burst at once and `ratePerSecond` messages a second over time. Starts full.
 */
export class TokenBucket {
  private readonly ratePerMs: number;
  private readonly burst: number;
  private tokens: number;
  private refilledAt: number | null = null;

  constructor(opts: { ratePerSecond: number; burst: number }) {
    if (!(opts.ratePerSecond > 0) || !(opts.burst >= 1)) {
      throw new RangeError(`a token bucket needs a positive rate and a burst of at least 1, got ${JSON.stringify(opts)}`);
    }
    this.ratePerMs = opts.ratePerSecond / 1000;
    this.burst = opts.burst;
    this.tokens = opts.burst;
  }

  /** Takes a token if one is there; `now` in milliseconds, for callers and tests that hold their own clock. */
  tryTake(now: number = Date.now()): boolean {
    // A clock set back refills nothing, rather than draining the bucket or handing out extra tokens.
    if (this.refilledAt !== null && now > this.refilledAt) {
      this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) * this.ratePerMs);
    }
    if (this.refilledAt === null || now > this.refilledAt) this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts open connections per key (an address, a visitor) against a limit; keys at zero are forgotten. */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  /** Counts one more connection for the key unless it already has `max`. */
  tryAcquire(key: string, max: number): boolean {
    const current = this.open.get(key) ?? 0;
    if (current >= max) return false;
    this.open.set(key, current + 1);
    return true;
  }

  /** Releases a connection counted by `tryAcquire`; releasing a key with none counted does nothing. */
  release(key: string): void {
    const current = this.open.get(key);
    if (current === undefined) return;
    if (current <= 1) this.open.delete(key);
    else this.open.set(key, current - 1);
  }
}
