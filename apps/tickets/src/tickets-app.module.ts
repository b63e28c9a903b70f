import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@helpgate/platform';
import { TicketsConfig } from './config';
import { ContactMergesModule } from './contact-merges/contact-merges.module';
import { InboundMailModule } from './inbound-mail/inbound-mail.module';
import { CreateTicketsSchema1763900000200 } from './migrations/1763900000200-create-tickets-schema';
import { MailThreading1763900000210 } from './migrations/1763900000210-mail-threading';
import { TicketCcEntity } from './tickets/ticket-cc.entity';
import { TicketMessageEntity } from './tickets/ticket-message.entity';
import { TicketEntity } from './tickets/ticket.entity';
import { TicketsModule } from './tickets/tickets.module';

export const ticketsSchema = {
  entities: [TicketEntity, TicketMessageEntity, TicketCcEntity],
  migrations: [CreateTicketsSchema1763900000200, MailThreading1763900000210],
};

@Module({})
export class TicketsAppModule {
  static forRoot(config: TicketsConfig): DynamicModule {
    return {
      module: TicketsAppModule,
      imports: [
        PlatformModule.forService(config, ticketsSchema),
        TicketsModule,
        InboundMailModule.forRoot(config.mail),
        ContactMergesModule,
      ],
    };
  }
}
