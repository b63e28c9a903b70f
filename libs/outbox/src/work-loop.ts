export interface WorkLoopOptions {
  /** Does one round of work and returns how many items it handled. */
  work: () => Promise<number>;
  /** A round that handled this many items may have left more: the next round starts at once. */
  batchSize: number;
  idlePollMs: number;
  errorBackoffMs: number;
  onError: (error: unknown) => void;
}

/**
 * A background worker for a durable queue (the outbox, a delivery queue): it works in rounds, sleeps
 * when the queue is drained, wakes early when told new work was committed, and on stop lets the
 * round in progress finish.
 */
export class WorkLoop {
  private running = false;
  private wakeRequested = false;
  private wakeUp?: () => void;
  private loop?: Promise<void>;

  constructor(private readonly options: WorkLoopOptions) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** New work was committed: start the next round now instead of at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled: number;
      try {
        handled = await this.options.work();
      } catch (error) {
        this.options.onError(error);
        await this.sleep(this.options.errorBackoffMs);
        continue;
      }
      if (handled < this.options.batchSize) await this.sleep(this.options.idlePollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeRequested = false;
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (this.wakeRequested) done();
      else this.wakeUp = done;
    });
  }
}
