import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { TicketsModule } from '../tickets/tickets.module';
import { OpenOrThreadTicketUseCase } from './open-or-thread-ticket.use-case';
import { RequesterResolvedConsumer } from './requester-resolved.consumer';

@Module({
  imports: [OutboxModule, TicketsModule],
  controllers: [RequesterResolvedConsumer],
  providers: [OpenOrThreadTicketUseCase],
})
export class InboundMailModule {}
