import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { UnknownSendersModule } from '../unknown-senders/unknown-senders.module';
import { WelcomeMailModule } from '../welcome-mail/welcome-mail.module';
import { InboundMailConsumer } from './inbound-mail.consumer';
import { ResolveRequesterUseCase } from './resolve-requester.use-case';

@Module({
  imports: [OutboxModule, ContactsModule, UnknownSendersModule, WelcomeMailModule],
  controllers: [InboundMailConsumer],
  providers: [ResolveRequesterUseCase],
})
export class InboundMailModule {}
