import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { RecordTicketActivityUseCase } from './record-ticket-activity.use-case';
import { TicketActivityConsumer } from './ticket-activity.consumer';

@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [TicketActivityConsumer],
  providers: [RecordTicketActivityUseCase],
})
export class TicketActivityModule {}
