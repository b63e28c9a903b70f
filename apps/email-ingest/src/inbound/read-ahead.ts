interface Started<Result> {
  result: Promise<Result>;
  bytes: number;
  startedAt: number;
}

/**
 * Work started early for a key, kept until it is taken once. The instance that accepted a mail starts reading it right
 * after the 250, so that its own consumer finds the reading done (or under way) when the accepted record arrives,
 * instead of starting it then. What is never taken (the record went to another instance, or was handled before the work
 * was started) is forgotten after `maxAgeMs`; while `maxBytes` of inputs are kept, nothing more is started, so a
 * consumer that falls behind costs memory within that bound and then simply reads as before.
 */
export class ReadAhead<Result> {
  private readonly started = new Map<string, Started<Result>>();
  private bytes = 0;

  constructor(
    private readonly limits: { maxBytes: number; maxAgeMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the work for the key, unless it was started already or the bound is reached. */
  start(key: string, bytes: number, work: () => Promise<Result>): void {
    this.forgetOlderThan(this.now() - this.limits.maxAgeMs);
    if (this.started.has(key) || this.bytes + bytes > this.limits.maxBytes) return;
    const result = work();
    // Its taker sees a failure; one never taken must not surface as an unhandled rejection.
    result.catch(() => undefined);
    this.started.set(key, { result, bytes, startedAt: this.now() });
    this.bytes += bytes;
  }

  /** The work started for the key, handed out once (a record delivered again is read again); undefined when none was. */
  take(key: string): Promise<Result> | undefined {
    const entry = this.started.get(key);
    if (!entry) return undefined;
    this.forget(key, entry);
    return entry.result;
  }

  private forgetOlderThan(cutoff: number): void {
    // A Map iterates in insertion order, so the oldest come first.
    for (const [key, entry] of this.started) {
      if (entry.startedAt >= cutoff) return;
      this.forget(key, entry);
    }
  }

  private forget(key: string, entry: Started<Result>): void {
    this.started.delete(key);
    this.bytes -= entry.bytes;
  }
}
