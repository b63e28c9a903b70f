import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { CategoriesModule } from '../categories/categories.module';
import { ContactsModule } from '../contacts/contacts.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AcknowledgementsService } from './acknowledgements.service';
import { OpenOrThreadTicketUseCase } from './open-or-thread-ticket.use-case';
import { RequesterResolvedConsumer } from './requester-resolved.consumer';
import { ThreadResolverService } from './thread-resolver.service';

@Module({
  imports: [OutboxModule, TicketsModule, CategoriesModule, ContactsModule],
  controllers: [RequesterResolvedConsumer],
  providers: [ThreadResolverService, AcknowledgementsService, OpenOrThreadTicketUseCase],
  exports: [AcknowledgementsService],
})
export class InboundMailModule {}
