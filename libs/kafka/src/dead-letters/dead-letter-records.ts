import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf } from '@helpgate/contracts';
import type { KafkaConfig } from '@helpgate/config';
import { KAFKA_CLIENT, KAFKA_CONFIG } from '../kafka-client';
import { textHeaders } from '../record-headers';
import { TopicNamer } from '../topic-names';

/** One record of a dead-letter topic, located by its own partition and offset there. */
export interface DeadLetterRecord {
  /** The topic the event was consumed from, without the namespace prefix. */
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** How long reading a dead-letter topic up to its end may take before the read is given up. */
const readTimeoutMs = 30_000;

/**
 * Reads dead-letter topics for operators: the records from the start of each partition up to its end at the moment
 * of the call, through a throwaway consumer group that commits nothing and is deleted afterwards; and their depth
 * (records retained) from the partitions' offsets alone.
 */
@Injectable()
export class DeadLetterRecords {
  private readonly namer: TopicNamer;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_CONFIG) private readonly config: KafkaConfig,
  ) {
    this.namer = new TopicNamer(config.topicPrefix);
  }

  /** Records retained in the dead-letter topic of each topic: the sum over its partitions of end minus start offsets. */
  async depths(topics: readonly string[]): Promise<Map<string, number>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const depths = new Map<string, number>();
      for (const topic of topics) {
        const offsets = await admin.fetchTopicOffsets(this.namer.toWire(deadLetterTopicOf(topic)));
        depths.set(topic, offsets.reduce((sum, { high, low }) => sum + Number(BigInt(high) - BigInt(low)), 0));
      }
      return depths;
    } finally {
      await admin.disconnect();
    }
  }

  /** Every record retained in the dead-letter topic of `topic`, partition by partition in offset order. */
  async read(topic: string): Promise<DeadLetterRecord[]> {
    const wireTopic = this.namer.toWire(deadLetterTopicOf(topic));
    const admin = this.kafka.admin();
    await admin.connect();
    const groupId = `${this.config.groupId}.dead-letter-reader.${randomUUID()}`;
    try {
      const ends = new Map<number, bigint>();
      for (const { partition, high, low } of await admin.fetchTopicOffsets(wireTopic)) {
        if (BigInt(high) > BigInt(low)) ends.set(partition, BigInt(high));
      }
      if (ends.size === 0) return [];
      const messages = await this.readUpTo(wireTopic, groupId, ends);
      return messages
        .sort((a, b) => a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)))
        .map(({ partition, message }) => ({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: textHeaders(message.headers),
        }));
    } finally {
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect();
    }
  }

  private async readUpTo(
    wireTopic: string,
    groupId: string,
    ends: Map<number, bigint>,
  ): Promise<{ partition: number; message: KafkaMessage }[]> {
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 200, allowAutoTopicCreation: false });
    const read: { partition: number; message: KafkaMessage }[] = [];
    const unfinished = new Set(ends.keys());
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [wireTopic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`reading ${wireTopic} took longer than ${readTimeoutMs} ms`)), readTimeoutMs);
        consumer
          .run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              const end = ends.get(batch.partition) ?? 0n;
              for (const message of batch.messages) {
                if (BigInt(message.offset) < end) read.push({ partition: batch.partition, message });
              }
              if (BigInt(batch.lastOffset()) + 1n >= end) unfinished.delete(batch.partition);
              if (unfinished.size === 0) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch((error: unknown) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          });
      });
      return read;
    } finally {
      await consumer.disconnect();
    }
  }
}
