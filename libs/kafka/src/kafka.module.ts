import { DynamicModule, Global, Module } from '@nestjs/common';
import type { KafkaConfig } from '@helpgate/config';
import { createKafkaClient, KAFKA_CLIENT, KAFKA_CONFIG } from './kafka-client';
import { EventPublisher } from './event-publisher';
import { TopicAdmin } from './topic-admin';

@Global()
@Module({})
export class KafkaModule {
  static forRoot(config: KafkaConfig): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        { provide: KAFKA_CONFIG, useValue: config },
        { provide: KAFKA_CLIENT, useFactory: () => createKafkaClient(config) },
        TopicAdmin,
        EventPublisher,
      ],
      exports: [KAFKA_CLIENT, KAFKA_CONFIG, EventPublisher],
    };
  }
}
