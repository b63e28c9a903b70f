import { DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import type { TicketMailConfig } from '../config';
import { ThreadTokens } from '../domain/thread-tokens';
import { TicketsModule } from '../tickets/tickets.module';
import { Acknowledgements, TICKET_MAIL_CONFIG } from './acknowledgements';
import { OpenOrThreadTicketUseCase } from './open-or-thread-ticket.use-case';
import { OutboundOutcomeConsumer } from './outbound-outcome.consumer';
import { RecordDeliveryUseCase } from './record-delivery.use-case';
import { RequesterResolvedConsumer } from './requester-resolved.consumer';
import { ThreadResolver } from './thread-resolver';

@Module({})
export class InboundMailModule {
  static forRoot(config: TicketMailConfig): DynamicModule {
    return {
      module: InboundMailModule,
      imports: [OutboxModule, TicketsModule],
      controllers: [RequesterResolvedConsumer, OutboundOutcomeConsumer],
      providers: [
        { provide: TICKET_MAIL_CONFIG, useValue: config },
        { provide: ThreadTokens, useValue: new ThreadTokens(config.threadSecret) },
        ThreadResolver,
        Acknowledgements,
        OpenOrThreadTicketUseCase,
        RecordDeliveryUseCase,
      ],
    };
  }
}
