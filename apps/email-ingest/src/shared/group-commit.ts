interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Lets mails that finish at about the same time share one commit. An item submitted while fewer than
 * `maxInFlight` commits are in flight is committed at once, alone; items submitted while every slot is busy wait
 * and go together in the next commit that frees, at most `maxItems` at a time. Several commits in flight overlap one
 * batch's Kafka acknowledgement with another's insert and another's flush to disk, which a single one would wait
 * out in turn. Nothing waits on a timer. `commit` returns one result per item, in order; when it fails, every item
 * it carried fails with it, so a batch is kept whole or not at all.
 */
export class GroupCommit<Item, Result> {
  private readonly pending: Pending<Item, Result>[] = [];
  private inFlight = 0;

  constructor(
    private readonly commit: (items: Item[]) => Promise<Result[]>,
    private readonly limits: { maxItems: number; maxInFlight: number },
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.inFlight < this.limits.maxInFlight) void this.commitPending();
    });
  }

  private async commitPending(): Promise<void> {
    this.inFlight++;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.limits.maxItems);
      try {
        const results = await this.commit(batch.map((entry) => entry.item));
        if (results.length !== batch.length) throw new Error(`commit returned ${results.length} results for ${batch.length} items`);
        batch.forEach((entry, index) => entry.resolve(results[index]));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.inFlight--;
  }
}
