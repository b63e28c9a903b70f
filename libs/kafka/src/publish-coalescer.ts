interface Waiting<Item> {
  items: readonly Item[];
  bytes: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Lets concurrent publishes share produce requests. A publish arriving while no request is in flight is
 * sent at once; publishes arriving meanwhile wait for that request (the idempotent producer allows one in
 * flight per broker anyway, so they would queue behind it regardless) and then leave together in the next
 * one, up to `maxBytes` per request. Each caller settles with the outcome of the request that carried its
 * items, so nothing is reported published before Kafka acknowledged it.
 */
export class PublishCoalescer<Item> {
  private readonly waiting: Waiting<Item>[] = [];
  private sending = false;

  constructor(
    private readonly send: (items: Item[]) => Promise<void>,
    private readonly sizeOf: (item: Item) => number,
    private readonly maxBytes: number,
  ) {}

  submit(items: readonly Item[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const bytes = items.reduce((total, item) => total + this.sizeOf(item), 0);
      this.waiting.push({ items, bytes, resolve, reject });
      if (!this.sending) void this.sendWaiting();
    });
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
