import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { RecordTicketOpenedUseCase } from './record-ticket-opened.use-case';
import { TicketActivityConsumer } from './ticket-activity.consumer';

@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [TicketActivityConsumer],
  providers: [RecordTicketOpenedUseCase],
})
export class TicketActivityModule {}
