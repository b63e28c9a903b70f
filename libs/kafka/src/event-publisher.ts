import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { EventOf, TopicName, topicSchemas } from '@helpgate/contracts';
import type { KafkaConfig } from '@helpgate/config';
import { KAFKA_CLIENT, KAFKA_CONFIG } from './kafka-client';
import { PublishCoalescer } from './publish-coalescer';
import { TopicNamer } from './topic-names';

export interface OutgoingRecord {
  /** The topic without the namespace prefix. */
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Records per produce request, at most, when concurrent publishes share one: well under the broker's 1 MB batch limit. */
const maxCoalescedBytes = 512 * 1024;

export const EVENT_HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  contentType: 'content-type',
} as const;

export function recordForEvent<T extends TopicName>(topic: T, key: string, event: EventOf<T>): OutgoingRecord {
  const valid = topicSchemas[topic].parse(event) as EventOf<T>;
  return {
    topic,
    key,
    value: JSON.stringify(valid),
    headers: {
      [EVENT_HEADERS.eventId]: valid.eventId,
      [EVENT_HEADERS.eventType]: topic,
      [EVENT_HEADERS.contentType]: 'application/json',
    },
  };
}

/**
 * Publishes only when every in-sync replica has the record (acks=all); the returned promise rejects when the
 * cluster did not take it, so callers can refuse or retry. Concurrent publishes share produce requests (see
 * PublishCoalescer): one request per record would otherwise cost a broker round trip each, one after the other.
 *
 * The producer is deliberately not kafkajs' idempotent one. When a produce request fails after the broker appended
 * it (the broker crashed, or the answer was lost), kafkajs takes back the batch's sequence numbers and hands them to
 * the next records it sends, different ones; the broker takes those for a retry of the batch it has and acknowledges
 * them without writing them. That lost mail already answered 250 when the broker was killed under load (the fault
 * suite's broker scenario, once in a CI run). Without idempotence a retried request may write its records twice,
 * which costs nothing here: every event carries its id and every consumer handles an id once. One request in flight
 * keeps a retry from overtaking the records sent after it, so each key's order holds.
 */
@Injectable()
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly producer: Producer;
  private readonly namer: TopicNamer;
  private readonly coalescer = new PublishCoalescer<OutgoingRecord>(
    (records) => this.send(records),
    (record) => record.key.length + record.value.length,
    maxCoalescedBytes,
  );

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka, @Inject(KAFKA_CONFIG) config: KafkaConfig) {
    this.producer = kafka.producer({
      idempotent: false,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.namer = new TopicNamer(config.topicPrefix);
  }

  async onModuleInit(): Promise<void> {
    await this.producer.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }

  async publish<T extends TopicName>(topic: T, key: string, event: EventOf<T>): Promise<void> {
    await this.publishRecords([recordForEvent(topic, key, event)]);
  }

  async publishRecords(records: readonly OutgoingRecord[]): Promise<void> {
    if (records.length > 0) await this.coalescer.submit(records);
  }

  private async send(records: readonly OutgoingRecord[]): Promise<void> {
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const record of records) {
      const wireTopic = this.namer.toWire(record.topic);
      const topicRecords = byTopic.get(wireTopic);
      if (topicRecords) topicRecords.push(record);
      else byTopic.set(wireTopic, [record]);
    }
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, topicRecords]) => ({
        topic,
        messages: topicRecords.map(({ key, value, headers }) => ({ key, value, headers })),
      })),
    });
  }
}
