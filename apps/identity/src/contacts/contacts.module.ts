import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { WelcomeMailModule } from '../welcome-mail/welcome-mail.module';
import { ContactsController } from './contacts.controller';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { MergeContactsUseCase } from './merge-contacts.use-case';

@Module({
  imports: [OutboxModule, WelcomeMailModule],
  controllers: [ContactsController],
  providers: [ContactsRepository, ContactsService, MergeContactsUseCase],
  exports: [ContactsRepository],
})
export class ContactsModule {}
