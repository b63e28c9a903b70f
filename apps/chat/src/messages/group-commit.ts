/** A batch's answer for each of its items, in their order. */
export type BatchWork<Item, Result> = (items: Item[]) => Promise<Result[]>;

interface Waiting<Item, Result> {
  item: Item;
  key: string;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces items into batches, each done by one call of `work` (one statement, one commit), up to `maxInFlight`
 * batches at once: a lone item goes at once while a slot is free, and the items that arrive while every slot is busy
 * wait and go together in the next batch, so the batches grow with the load and a commit's flush to disk is paid
 * once for many items. Items of one event-loop turn go together; a batch takes at most `maxBatchSize`.
 *
 * Items of one key (`keyOf`) are never in two running batches: an item whose key is in a running batch waits for it
 * to finish, so the items of a key are done in the order they were submitted, while other keys' items go alongside.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: Waiting<Item, Result>[] = [];
  /** The keys of the running batches' items. */
  private readonly busyKeys = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly work: BatchWork<Item, Result>,
    private readonly limits: { maxInFlight: number; maxBatchSize: number; keyOf: (item: Item) => string },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, key: this.limits.keyOf(item), resolve, reject });
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
    if (this.inFlight >= this.limits.maxInFlight) return;
    const batch = this.takeReady();
    if (batch.length === 0) return;
    const keys = new Set(batch.map((entry) => entry.key));
    keys.forEach((key) => this.busyKeys.add(key));
    this.inFlight++;
    this.work(batch.map((entry) => entry.item))
      .then(
        (results) => batch.forEach((entry, index) => entry.resolve(results[index]!)),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      )
      .finally(() => {
        keys.forEach((key) => this.busyKeys.delete(key));
        this.inFlight--;
        this.schedule();
      });
    // More waiting, and a slot free: the next batch starts too.
    this.schedule();
  }

  /** Takes the waiting items whose key no running batch holds, in the order they came, up to a batch's size. */
  private takeReady(): Waiting<Item, Result>[] {
    const batch: Waiting<Item, Result>[] = [];
    let kept = 0;
    for (const entry of this.waiting) {
      if (batch.length < this.limits.maxBatchSize && !this.busyKeys.has(entry.key)) batch.push(entry);
      else this.waiting[kept++] = entry;
    }
    this.waiting.length = kept;
    return batch;
  }
}
