import { Logger } from '@nestjs/common';
import { Admin, Consumer, Kafka } from 'kafkajs';
import { TopicPresence } from './topic-presence';

/** kafkajs's special offset for "the earliest offset the partition holds". */
const EARLIEST_OFFSET = '-2';

/**
 * Makes a consumer read a topic that was deleted and created again from its beginning.
 *
 * kafkajs keeps each assigned partition's fetch position in memory and has no topic ids: while the topic is
 * gone its fetches fail and it retries with the same positions, and once a topic of that name exists again it
 * fetches the new one from the old positions. A position past the new end is reset (offset out of range), but
 * when records reached the new topic first the position is in range and every record before it is skipped
 * without a word, such as mail already answered with 250. The broker drops a deleted topic's committed
 * offsets, so only the consumer's memory is wrong: this watches the subscribed topics, and when one comes back
 * seeks its assigned partitions to the earliest offset. Records read before the seek are read again, which
 * idempotent handlers absorb. A topic deleted and recreated between two looks is not seen.
 */
export class RecreatedTopicRewinder {
  private readonly logger = new Logger(RecreatedTopicRewinder.name);
  private readonly presence: TopicPresence;
  private readonly admin: Admin;
  /** The partitions of each topic given to this member at its last join. */
  private assignment: Record<string, number[]> = {};
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    kafka: Kafka,
    private readonly consumer: Consumer,
    private readonly wireTopics: string[],
    private readonly intervalMs: number,
    /** Told which partitions were sent back to their beginning, so what was handled of the deleted topic is not committed. */
    private readonly onRewind: (topic: string, partitions: readonly number[]) => void,
  ) {
    this.presence = new TopicPresence(wireTopics);
    this.admin = kafka.admin();
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assignment = payload.memberAssignment;
    });
  }

  async start(): Promise<void> {
    await this.admin.connect();
    this.running = true;
    this.scheduleLook();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.admin.disconnect();
  }

  private scheduleLook(): void {
    this.timer = setTimeout(() => {
      void this.look().finally(() => {
        if (this.running) this.scheduleLook();
      });
    }, this.intervalMs);
  }

  private async look(): Promise<void> {
    let existing: Set<string>;
    try {
      existing = new Set(await this.admin.listTopics());
    } catch (error) {
      this.logger.warn({ err: error, topics: this.wireTopics }, 'could not list the topics to see whether subscribed ones were recreated');
      return;
    }
    const { gone, recreated } = this.presence.observe(existing);
    if (gone.length > 0)
      this.logger.warn({ topics: gone }, 'subscribed topics are gone; they will be read from the beginning once created again');
    for (const topic of recreated) this.rewind(topic);
  }

  private rewind(topic: string): void {
    const partitions = this.assignment[topic] ?? [];
    this.logger.warn({ topic, partitions }, 'subscribed topic was created again; reading it from the beginning');
    this.onRewind(topic, partitions);
    for (const partition of partitions) {
      try {
        this.consumer.seek({ topic, partition, offset: EARLIEST_OFFSET });
      } catch (error) {
        // Only while the consumer is not running (it restarts after a crash): it then reads its positions
        // from the broker, which dropped the deleted topic's offsets, so it starts at the beginning anyway.
        this.logger.warn({ err: error, topic, partition }, 'could not seek the recreated topic to its beginning');
      }
    }
  }
}
