import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { WelcomeMailModule } from '../welcome-mail/welcome-mail.module';
import { DuplicatePairsModule } from '../duplicate-candidates/duplicate-pairs.module';
import { RequesterResolution } from './requester-resolution';

/** The rules that find or create the contact behind an address, shared by inbound mail and chat. */
@Module({
  imports: [ContactsModule, WelcomeMailModule, DuplicatePairsModule],
  providers: [RequesterResolution],
  exports: [RequesterResolution],
})
export class RequestersModule {}
