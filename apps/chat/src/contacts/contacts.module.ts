import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { VisitorsModule } from '../visitors/visitors.module';
import { ContactDirectory } from './contact-directory';
import { ContactsRepository } from './contacts.repository';
import { IdentityEventsConsumer } from './identity-events.consumer';

@Module({
  imports: [OutboxModule, VisitorsModule],
  controllers: [IdentityEventsConsumer],
  providers: [ContactsRepository, ContactDirectory],
  exports: [ContactsRepository],
})
export class ContactsModule {}
