import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { CategoriesModule } from '../categories/categories.module';
import { ContactsModule } from '../contacts/contacts.module';
import { TicketsModule } from '../tickets/tickets.module';
import { Acknowledgements } from './acknowledgements';
import { OpenOrThreadTicketUseCase } from './open-or-thread-ticket.use-case';
import { OutboundOutcomeConsumer } from '../delivery-outcomes/outbound-outcome.consumer';
import { RecordDeliveryUseCase } from '../delivery-outcomes/record-delivery.use-case';
import { RequesterResolvedConsumer } from './requester-resolved.consumer';
import { ThreadResolver } from './thread-resolver';

@Module({
  imports: [OutboxModule, TicketsModule, CategoriesModule, ContactsModule],
  controllers: [RequesterResolvedConsumer, OutboundOutcomeConsumer],
  providers: [ThreadResolver, Acknowledgements, OpenOrThreadTicketUseCase, RecordDeliveryUseCase],
})
export class InboundMailModule {}
