import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { RequestersModule } from '../requesters/requesters.module';
import { UnknownSendersModule } from '../unknown-senders/unknown-senders.module';
import { InboundMailConsumer } from './inbound-mail.consumer';
import { ResolveRequesterUseCase } from './resolve-requester.use-case';

@Module({
  imports: [OutboxModule, ContactsModule, RequestersModule, UnknownSendersModule],
  controllers: [InboundMailConsumer],
  providers: [ResolveRequesterUseCase],
})
export class InboundMailModule {}
