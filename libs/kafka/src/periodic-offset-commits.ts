import { Logger } from '@nestjs/common';

export interface PartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read, as Kafka commits it: one past the last handled record. */
  offset: string;
}

/**
 * The offsets handled since the last commit, one per partition: only the newest counts, so a commit carries one
 * offset per partition however many batches were handled since.
 */
export class PendingOffsets {
  private readonly byPartition = new Map<string, PartitionOffset>();

  get size(): number {
    return this.byPartition.size;
  }

  handled(topic: string, partition: number, offset: string): void {
    this.byPartition.set(partitionKey(topic, partition), { topic, partition, offset: (BigInt(offset) + 1n).toString() });
  }

  /**
   * The partitions are read again from their beginning (a recreated topic): what was handled of them before is of
   * the deleted topic, and committing it would skip the new topic's first records after a restart.
   */
  rewound(topic: string, partitions: readonly number[]): void {
    for (const partition of partitions) this.byPartition.set(partitionKey(topic, partition), { topic, partition, offset: '0' });
  }

  /** After a rebalance: a partition now another member's is read again by it from the last commit, so its offset is dropped. */
  keepOnly(assignment: Readonly<Record<string, readonly number[]>>): void {
    for (const [key, { topic, partition }] of this.byPartition) if (!assignment[topic]?.includes(partition)) this.byPartition.delete(key);
  }

  take(): PartitionOffset[] {
    const taken = [...this.byPartition.values()];
    this.byPartition.clear();
    return taken;
  }

  /** Offsets a commit failed to store, kept for the next one unless a newer offset of the partition came since. */
  putBack(offsets: readonly PartitionOffset[]): void {
    for (const entry of offsets) {
      const key = partitionKey(entry.topic, entry.partition);
      if (!this.byPartition.has(key)) this.byPartition.set(key, entry);
    }
  }
}

function partitionKey(topic: string, partition: number): string {
  return `${partition}:${topic}`;
}

/**
 * Commits a consumer's handled offsets every `intervalMs`, and once more when stopped.
 *
 * kafkajs commits after every batch it hands over, a request to the broker each, and at a steady trickle of mail
 * every batch holds one or two records: those commits were the most frequent Kafka request of the whole pipeline.
 * Kafka's own consumer commits every five seconds by default. A record handled but not yet committed is read again
 * after a crash or a rebalance, which the idempotent handlers absorb, as they absorb it today after a crash
 * mid-batch; the interval bounds how much is read again.
 */
export class PeriodicOffsetCommits {
  private readonly logger = new Logger(PeriodicOffsetCommits.name);
  private readonly pending = new PendingOffsets();
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;

  constructor(
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  handled(topic: string, partition: number, offset: string): void {
    this.pending.handled(topic, partition, offset);
  }

  rewound(topic: string, partitions: readonly number[]): void {
    this.pending.rewound(topic, partitions);
  }

  assigned(assignment: Readonly<Record<string, readonly number[]>>): void {
    this.pending.keepOnly(assignment);
  }

  start(): void {
    this.timer = setInterval(() => void this.commitPending(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and commits what is still pending; the consumer must still be running. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
    await this.commitPending();
  }

  /** One commit at a time: while the broker is slow, the ticks that come find it in flight and leave it be. */
  commitPending(): Promise<void> {
    this.inFlight ??= this.commitOnce().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async commitOnce(): Promise<void> {
    if (this.pending.size === 0) return;
    const offsets = this.pending.take();
    try {
      await this.commit(offsets);
    } catch (error) {
      this.pending.putBack(offsets);
      this.logger.warn({ err: error, partitions: offsets.length }, 'could not commit the handled offsets; trying again at the next commit');
    }
  }
}
