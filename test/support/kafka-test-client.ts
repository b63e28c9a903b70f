import { Consumer, IHeaders, Kafka, logLevel, Producer } from 'kafkajs';
import type { KafkaConfig } from '@helpgate/config';
import { createTopicsAndWaitForLeaders } from '@helpgate/kafka';

export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Kafka settings for one spec: its own consumer group and topic prefix, both named after it. */
export function specKafkaConfig(brokers: string[], name: string, settings: Partial<KafkaConfig> = {}): KafkaConfig {
  return {
    brokers,
    clientId: 'it',
    groupId: name,
    topicPrefix: `${name}.`,
    partitions: 1,
    replicationFactor: 1,
    maxHandlerAttempts: 3,
    maxEventsPerBatch: 100,
    concurrentBatches: 4,
    topicCheckIntervalMs: 5000,
    commitIntervalMs: 1000,
    deadLetterDepthIntervalMs: 1000,
    ...settings,
  };
}

/** A plain Kafka client for tests: writes raw records and reads topics from the beginning. */
export class KafkaTestClient {
  private readonly kafka: Kafka;
  private producer?: Producer;
  private readonly consumers: Consumer[] = [];
  private readonly recorded: RecordedMessage[] = [];
  /** The records read so far, by topic, partition and offset: a recorder group that rebalances before it committed reads them again. */
  private readonly recordedOffsets = new Set<string>();

  constructor(
    brokers: string[],
    private readonly topicPrefix: string,
  ) {
    this.kafka = new Kafka({ clientId: 'helpgate-tests', brokers, logLevel: logLevel.NOTHING });
  }

  async produce(topic: string, records: { key?: string; value: string; partition?: number; headers?: IHeaders }[]): Promise<void> {
    await (await this.connectedProducer()).send({ topic: this.topicPrefix + topic, acks: -1, messages: records });
  }

  /** Appends the records, in order, to one partition and returns their offsets. */
  async produceToPartition(topic: string, partition: number, records: { key?: string; value: string }[]): Promise<string[]> {
    const [written] = await (
      await this.connectedProducer()
    ).send({ topic: this.topicPrefix + topic, acks: -1, messages: records.map((record) => ({ ...record, partition })) });
    const base = BigInt(written.baseOffset!);
    return records.map((_, index) => String(base + BigInt(index)));
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    return this.producer;
  }

  /** Starts recording the given topics (without prefix) from their beginning. */
  async record(...topics: string[]): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: `${this.topicPrefix}recorder-${this.consumers.length}-${Date.now()}` });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((topic) => this.topicPrefix + topic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const position = `${topic}/${partition}/${message.offset}`;
        if (this.recordedOffsets.has(position)) return;
        this.recordedOffsets.add(position);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
        this.recorded.push({
          topic: topic.slice(this.topicPrefix.length),
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
        });
      },
    });
  }

  messages(topic: string): RecordedMessage[] {
    return this.recorded.filter((message) => message.topic === topic);
  }

  /**
   * The topic's events, each once by its id: publishing is at least once (a retried produce request may write its
   * records twice, and consumers handle an id once; see EventPublisher), so a service publishing twice shows as two
   * ids. `messages` keeps every record written.
   */
  events<T>(topic: string): T[] {
    const byId = new Map<unknown, T>();
    for (const message of this.messages(topic)) {
      const event = JSON.parse(message.value ?? 'null') as T & { eventId?: unknown };
      const id = event?.eventId ?? `${message.partition}/${message.offset}`;
      if (!byId.has(id)) byId.set(id, event);
    }
    return [...byId.values()];
  }

  /** True when the recorder has read every record the topic (given without prefix) holds so far. */
  async hasRecordedAll(topic: string): Promise<boolean> {
    const ends = await this.withAdmin((admin) => admin.fetchTopicOffsets(this.topicPrefix + topic));
    const recorded = this.messages(topic);
    const readUpTo = (partition: number) =>
      Math.max(0, ...recorded.filter((message) => message.partition === partition).map((message) => Number(message.offset) + 1));
    return ends.every((end) => readUpTo(end.partition) >= Number(end.high));
  }

  /** True when the consumer group has committed every record of the topics (given without prefix). */
  async hasConsumedAll(groupId: string, topics: string[]): Promise<boolean> {
    return (await this.unconsumed(groupId, topics)).length === 0;
  }

  /** The partitions of the topics (given without prefix) holding records the group has not committed past. */
  async unconsumed(groupId: string, topics: string[]): Promise<{ topic: string; partition: number; committed: string; end: string }[]> {
    return this.withAdmin(async (admin) => {
      const behind = [];
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(this.topicPrefix + topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [this.topicPrefix + topic] });
        for (const end of ends) {
          const offset = committed?.partitions.find((partition) => partition.partition === end.partition)?.offset ?? '-1';
          if (Number(end.high) > 0 && Number(offset) < Number(end.high))
            behind.push({ topic, partition: end.partition, committed: offset, end: end.high });
        }
      }
      return behind;
    });
  }

  /** Deletes one topic (given without prefix): publishing to it fails until it is created again. */
  async deleteTopic(topic: string): Promise<void> {
    await this.withAdmin((admin) => admin.deleteTopics({ topics: [this.topicPrefix + topic] }));
  }

  async createTopic(topic: string, numPartitions = 2): Promise<void> {
    await this.withAdmin((admin) => createTopicsAndWaitForLeaders(admin, [{ topic: this.topicPrefix + topic, numPartitions }]));
  }

  private async withAdmin<T>(work: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }

  async deleteOwnTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(this.topicPrefix));
      if (topics.length > 0) await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect()));
    await this.producer?.disconnect();
  }
}
