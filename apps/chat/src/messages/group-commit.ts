/** A batch's answer for each of its items, in their order. */
export type BatchWork<Item, Result> = (items: Item[]) => Promise<Result[]>;

/**
 * Coalesces items into batches, each done by one call of `work` (one statement, one commit): the items that arrive
 * while `maxInFlight` batches are running wait and go together in the next batch, so a lone item goes at once and the
 * batches grow with the load, which pays a commit's flush to disk once for many items. Items of one event-loop turn
 * go together; a batch takes at most `maxBatchSize`.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly work: BatchWork<Item, Result>,
    private readonly limits: { maxInFlight: number; maxBatchSize: number },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.limits.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startBatch();
    });
  }

  private startBatch(): void {
    if (this.inFlight >= this.limits.maxInFlight || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, this.limits.maxBatchSize);
    this.inFlight++;
    this.work(batch.map((entry) => entry.item))
      .then(
        (results) => batch.forEach((entry, index) => entry.resolve(results[index]!)),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      )
      .finally(() => {
        this.inFlight--;
        this.schedule();
      });
    // More than a batch waiting, and a slot free: the next batch starts too.
    this.schedule();
  }
}
