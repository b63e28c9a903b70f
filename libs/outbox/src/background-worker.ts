import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { WorkLoop } from './work-loop';

export interface BackgroundWorkerOptions {
  /** A round that handled this many items may have left more: the next round starts at once. */
  batchSize: number;
  idlePollMs: number;
  errorBackoffMs: number;
  /** Logged, with the error, when a round fails; the round is tried again after the backoff. */
  failureMessage: string;
}

/**
 * A provider working a durable queue (the outbox, a delivery queue) in a `WorkLoop` for as long as the application
 * runs: started once the application is up, woken when new work is committed, and stopped before shutdown after
 * letting the round in progress finish.
 */
export abstract class BackgroundWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly loop: WorkLoop;

  protected constructor({ failureMessage, ...options }: BackgroundWorkerOptions) {
    this.loop = new WorkLoop({
      ...options,
      work: () => this.workRound(),
      onError: (error) => this.logger.warn({ err: error }, failureMessage),
    });
  }

  /** Does one round of work; returns how many items it handled. */
  protected abstract workRound(): Promise<number>;

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** New work was committed: start the next round now instead of at the next poll. */
  wake(): void {
    this.loop.wake();
  }
}
