import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ContactMergedConsumer } from './contact-merged.consumer';
import { FollowContactMergeUseCase } from './follow-contact-merge.use-case';

@Module({
  imports: [OutboxModule, TicketsModule, ContactsModule],
  controllers: [ContactMergedConsumer],
  providers: [FollowContactMergeUseCase],
})
export class ContactMergesModule {}
