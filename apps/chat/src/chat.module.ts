import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@helpgate/database';
import { KafkaModule } from '@helpgate/kafka';
import { CreateMessagingTables1763900000000 } from '@helpgate/outbox';
import { PlatformModule } from '@helpgate/platform';
import { ChatConfig } from './config';

/** Live chat: its own database and Kafka wiring are in place; conversations arrive with the chat issue. */
@Module({})
export class ChatModule {
  static forRoot(config: ChatConfig): DynamicModule {
    return {
      module: ChatModule,
      imports: [
        PlatformModule.forService(config),
        DatabaseModule.forService(config.database, { entities: [], migrations: [CreateMessagingTables1763900000000] }),
        KafkaModule.forRoot(config.kafka),
      ],
    };
  }
}
