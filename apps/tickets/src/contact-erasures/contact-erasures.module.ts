import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { ContactAnonymizedConsumer } from './contact-anonymized.consumer';
import { EraseContactUseCase } from './erase-contact.use-case';
import { PersonalDataRepository } from './personal-data.repository';

@Module({
  imports: [OutboxModule, ContactsModule],
  controllers: [ContactAnonymizedConsumer],
  providers: [EraseContactUseCase, PersonalDataRepository],
})
export class ContactErasuresModule {}
