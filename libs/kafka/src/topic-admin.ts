import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { allTopics, deadLetterTopicOf } from '@helpgate/contracts';
import type { KafkaConfig } from '@helpgate/config';
import { KAFKA_CLIENT, KAFKA_CONFIG } from './kafka-client';
import { createTopicsAndWaitForLeaders } from './topic-creation';
import { TopicNamer } from './topic-names';

/** Creates every contract topic and its dead-letter topic at start; existing topics are left as they are. */
@Injectable()
export class TopicAdmin implements OnModuleInit {
  private readonly logger = new Logger(TopicAdmin.name);

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_CONFIG) private readonly config: KafkaConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const namer = new TopicNamer(this.config.topicPrefix);
    const wanted = allTopics.flatMap((topic) => [namer.toWire(topic), namer.toWire(deadLetterTopicOf(topic))]);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = wanted.filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      await createTopicsAndWaitForLeaders(
        admin,
        missing.map((topic) => ({ topic, numPartitions: this.config.partitions, replicationFactor: this.config.replicationFactor })),
      );
      this.logger.log({ topics: missing }, 'created topics');
    } finally {
      await admin.disconnect();
    }
  }
}
