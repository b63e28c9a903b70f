import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ContactMergedConsumer } from './contact-merged.consumer';
import { ContactMergesRepository } from './contact-merges.repository';
import { FollowContactMergeUseCase } from './follow-contact-merge.use-case';

@Module({
  imports: [ContactsModule, TicketsModule],
  controllers: [ContactMergedConsumer],
  providers: [FollowContactMergeUseCase, ContactMergesRepository],
})
export class ContactMergesModule {}
