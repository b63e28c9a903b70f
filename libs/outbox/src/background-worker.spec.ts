import { Logger } from '@nestjs/common';
import { BackgroundWorker } from './background-worker';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Works through `rounds` (items handled, or a failure); a round waits for `release` when one is pending. */
class QueueWorker extends BackgroundWorker {
  readonly started: number[] = [];
  finished = 0;
  release?: () => void;

  constructor(private readonly rounds: (number | Error)[]) {
    super({ batchSize: 10, idlePollMs: 60_000, errorBackoffMs: 60_000, failureMessage: 'queue worker could not work; retrying' });
  }

  protected async workRound(): Promise<number> {
    this.started.push(Date.now());
    const next = this.rounds.shift() ?? 0;
    if (next instanceof Error) throw next;
    await new Promise<void>((resolve) => (this.release = resolve));
    this.finished++;
    return next;
  }
}

describe('BackgroundWorker', () => {
  afterEach(() => jest.restoreAllMocks());

  it('works once the application is up, and again when woken', async () => {
    const worker = new QueueWorker([0, 0]);
    await settle();
    expect(worker.started).toHaveLength(0);

    worker.onApplicationBootstrap();
    await settle();
    worker.release!();
    await settle();
    expect(worker.started).toHaveLength(1);

    worker.wake();
    await settle();
    expect(worker.started).toHaveLength(2);
    worker.release!();
    await worker.beforeApplicationShutdown();
  });

  it('lets the round in progress finish before the application shuts down', async () => {
    const worker = new QueueWorker([3]);
    worker.onApplicationBootstrap();
    await settle();

    let stopped = false;
    const stopping = worker.beforeApplicationShutdown().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);

    worker.release!();
    await stopping;
    expect(worker.finished).toBe(1);
    expect(worker.started).toHaveLength(1);
  });

  it('logs a failed round under its own name and tries again after the backoff, not at once', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const failure = new Error('database down');
    const worker = new QueueWorker([failure]);
    worker.onApplicationBootstrap();
    for (let index = 0; index < 10; index++) await settle();

    expect(worker.started).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith({ err: failure }, 'queue worker could not work; retrying');
    expect(warn.mock.contexts[0]).toMatchObject({ context: 'QueueWorker' });
    await worker.beforeApplicationShutdown();
  });
});
