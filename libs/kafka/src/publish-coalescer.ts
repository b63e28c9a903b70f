interface Waiting<Item> {
  items: readonly Item[];
  bytes: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Lets concurrent publishes share produce requests. A publish arriving while no request is in flight is
 * sent at once; publishes arriving meanwhile wait for that request (the producer keeps one in flight per
 * broker anyway, so they would queue behind it regardless) and then leave together in the next
 * one, up to `maxBytes` per request. A publish larger than that is itself split, in order, into requests
 * within the limit (only a single item over it goes alone): the broker refuses an oversized request, and an
 * outbox relay retrying the same oversized batch would never get past it. Each caller settles once every
 * request that carried its items succeeded, so nothing is reported published before Kafka acknowledged it.
 */
export class PublishCoalescer<Item> {
  private readonly waiting: Waiting<Item>[] = [];
  private sending = false;

  constructor(
    private readonly send: (items: Item[]) => Promise<void>,
    private readonly sizeOf: (item: Item) => number,
    private readonly maxBytes: number,
  ) {}

  async submit(items: readonly Item[]): Promise<void> {
    const parts = this.partsOf(items).map(
      (part) =>
        new Promise<void>((resolve, reject) => {
          this.waiting.push({ ...part, resolve, reject });
        }),
    );
    if (!this.sending) void this.sendWaiting();
    await Promise.all(parts);
  }

  /** The items in order, cut where the next item would take a part over the limit. */
  private partsOf(items: readonly Item[]): { items: Item[]; bytes: number }[] {
    const parts: { items: Item[]; bytes: number }[] = [];
    for (const item of items) {
      const size = this.sizeOf(item);
      const last = parts.at(-1);
      if (last && last.bytes + size <= this.maxBytes) {
        last.items.push(item);
        last.bytes += size;
      } else {
        parts.push({ items: [item], bytes: size });
      }
    }
    return parts;
  }

  private async sendWaiting(): Promise<void> {
    this.sending = true;
    while (this.waiting.length > 0) {
      const group = this.nextGroup();
      try {
        await this.send(group.flatMap((entry) => [...entry.items]));
        for (const entry of group) entry.resolve();
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    this.sending = false;
  }

  /** The oldest waiting publishes that fit in one request; the first always goes, however large. */
  private nextGroup(): Waiting<Item>[] {
    let count = 1;
    let bytes = this.waiting[0].bytes;
    while (count < this.waiting.length && bytes + this.waiting[count].bytes <= this.maxBytes) {
      bytes += this.waiting[count].bytes;
      count++;
    }
    return this.waiting.splice(0, count);
  }
}
