import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@helpgate/database';
import { KafkaModule } from '@helpgate/kafka';
import { CreateMessagingTables1763900000000 } from '@helpgate/outbox';
import { PlatformModule } from '@helpgate/platform';
import { TicketsConfig } from './config';
import { InboundMailModule } from './inbound-mail/inbound-mail.module';
import { CreateTicketsSchema1763900000200 } from './migrations/1763900000200-create-tickets-schema';
import { TicketMessageEntity } from './tickets/ticket-message.entity';
import { TicketEntity } from './tickets/ticket.entity';
import { TicketsModule } from './tickets/tickets.module';

export const ticketsSchema = {
  entities: [TicketEntity, TicketMessageEntity],
  migrations: [CreateMessagingTables1763900000000, CreateTicketsSchema1763900000200],
};

@Module({})
export class TicketsAppModule {
  static forRoot(config: TicketsConfig): DynamicModule {
    return {
      module: TicketsAppModule,
      imports: [
        PlatformModule.forService(config),
        DatabaseModule.forService(config.database, ticketsSchema),
        KafkaModule.forRoot(config.kafka),
        TicketsModule,
        InboundMailModule,
      ],
    };
  }
}
