import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { CategoriesModule } from '../categories/categories.module';
import { ContactsModule } from '../contacts/contacts.module';
import { TicketsModule } from '../tickets/tickets.module';
import { Acknowledgements } from './acknowledgements.service';
import { OpenOrThreadTicketUseCase } from './open-or-thread-ticket.use-case';
import { RequesterResolvedConsumer } from './requester-resolved.consumer';
import { ThreadResolver } from './thread-resolver.service';

@Module({
  imports: [OutboxModule, TicketsModule, CategoriesModule, ContactsModule],
  controllers: [RequesterResolvedConsumer],
  providers: [ThreadResolver, Acknowledgements, OpenOrThreadTicketUseCase],
})
export class InboundMailModule {}
