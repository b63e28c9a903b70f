import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { DuplicatePairsModule } from '../duplicate-candidates/duplicate-pairs.module';
import { WelcomeMailModule } from '../welcome-mail/welcome-mail.module';
import { AnonymizeContactUseCase } from './anonymize-contact.use-case';
import { ContactActivitiesRepository } from './contact-activities.repository';
import { ContactActivityService } from './contact-activity.service';
import { ContactsController } from './contacts.controller';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { MergeContactsUseCase } from './merge-contacts.use-case';

@Module({
  imports: [OutboxModule, WelcomeMailModule, DuplicatePairsModule],
  controllers: [ContactsController],
  providers: [
    ContactsRepository,
    ContactActivitiesRepository,
    ContactsService,
    ContactActivityService,
    MergeContactsUseCase,
    AnonymizeContactUseCase,
  ],
  exports: [ContactsRepository, ContactActivitiesRepository, ContactsService],
})
export class ContactsModule {}
