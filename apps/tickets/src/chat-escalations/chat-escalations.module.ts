import { DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import type { ChatLinksConfig } from '../config';
import { ContactsModule } from '../contacts/contacts.module';
import { InboundMailModule } from '../inbound-mail/inbound-mail.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ChatEscalationTicketsRepository } from './chat-escalation-tickets.repository';
import { CHAT_LINKS } from './chat-links';
import { ChatRequesterResolvedConsumer } from './chat-requester-resolved.consumer';
import { OpenChatTicketUseCase } from './open-chat-ticket.use-case';

/** Tickets opened from conversations chat escalated, once identity has resolved their requester. */
@Module({})
export class ChatEscalationsModule {
  static forRoot(config: ChatLinksConfig): DynamicModule {
    return {
      module: ChatEscalationsModule,
      imports: [OutboxModule, TicketsModule, ContactsModule, InboundMailModule],
      controllers: [ChatRequesterResolvedConsumer],
      providers: [{ provide: CHAT_LINKS, useValue: config }, ChatEscalationTicketsRepository, OpenChatTicketUseCase],
    };
  }
}
