interface Pending<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Lets mails that finish at about the same time share one commit. An item submitted while no commit is in
 * flight is committed at once, alone; items submitted meanwhile wait for that commit and then go together
 * in the next one, at most `maxItems` at a time. Nothing waits on a timer. `commit` returns one result per
 * item, in order; when it fails, every item it carried fails with it, so a batch is kept whole or not at all.
 */
export class GroupCommit<Item, Result> {
  private readonly pending: Pending<Item, Result>[] = [];
  private committing = false;

  constructor(
    private readonly commit: (items: Item[]) => Promise<Result[]>,
    private readonly maxItems: number,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.committing) void this.commitPending();
    });
  }

  private async commitPending(): Promise<void> {
    this.committing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxItems);
      try {
        const results = await this.commit(batch.map((entry) => entry.item));
        if (results.length !== batch.length) throw new Error(`commit returned ${results.length} results for ${batch.length} items`);
        batch.forEach((entry, index) => entry.resolve(results[index]));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.committing = false;
  }
}
