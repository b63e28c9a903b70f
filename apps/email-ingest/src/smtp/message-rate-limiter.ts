interface ClientWindow {
  startedAt: number;
  count: number;
  previousCount: number;
}

/**
 * Limits how many messages each client address may start per window, with a sliding-window counter:
 * the count of the previous fixed window weighs in by the share of it the sliding window still covers,
 * so a client cannot send twice the limit across a window boundary, and each client costs three numbers.
 * Clients silent for two windows have nothing left that counts and are forgotten, so memory follows the
 * clients of the last two minutes, not every client ever seen.
 */
export class MessageRateLimiter {
  private readonly windows = new Map<string, ClientWindow>();
  private nextEvictionAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly maxMessagesPerWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one message for the client and returns true, or returns false, counting nothing, when it is over its limit. */
  tryAcquire(clientAddress: string, now: number): boolean {
    this.evictIdleClients(now);
    const window = this.currentWindow(clientAddress, now);
    const shareOfPreviousStillCovered = 1 - (now - window.startedAt) / this.windowMs;
    if (window.previousCount * shareOfPreviousStillCovered + window.count >= this.maxMessagesPerWindow) return false;
    window.count += 1;
    return true;
  }

  get trackedClients(): number {
    return this.windows.size;
  }

  private currentWindow(clientAddress: string, now: number): ClientWindow {
    const window = this.windows.get(clientAddress);
    if (!window) {
      const first = { startedAt: now, count: 0, previousCount: 0 };
      this.windows.set(clientAddress, first);
      return first;
    }
    const elapsedWindows = Math.floor((now - window.startedAt) / this.windowMs);
    if (elapsedWindows > 0) {
      window.previousCount = elapsedWindows === 1 ? window.count : 0;
      window.count = 0;
      window.startedAt += elapsedWindows * this.windowMs;
    }
    return window;
  }

  /** Runs at most once per window, so its cost is spread over all the messages of a window. */
  private evictIdleClients(now: number): void {
    if (now < this.nextEvictionAt) return;
    this.nextEvictionAt = now + this.windowMs;
    for (const [clientAddress, window] of this.windows) {
      if (now - window.startedAt >= 2 * this.windowMs) this.windows.delete(clientAddress);
    }
  }
}
