import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactMergedConsumer } from './contact-merged.consumer';
import { ContactMergesRepository } from './contact-merges.repository';
import { FollowContactMergeUseCase } from './follow-contact-merge.use-case';

@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [ContactMergedConsumer],
  providers: [FollowContactMergeUseCase, ContactMergesRepository],
})
export class ContactMergesModule {}
