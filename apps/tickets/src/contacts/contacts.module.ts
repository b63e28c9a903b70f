import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactDirectoryService } from './contact-directory.service';
import { ContactEventsConsumer } from './contact-events.consumer';
import { ContactsRepository } from './contacts.repository';
import { FollowContactChangesUseCase } from './follow-contact-changes.use-case';

@Module({
  imports: [OutboxModule],
  controllers: [ContactEventsConsumer],
  providers: [ContactsRepository, ContactDirectoryService, FollowContactChangesUseCase],
  exports: [ContactDirectoryService],
})
export class ContactsModule {}
