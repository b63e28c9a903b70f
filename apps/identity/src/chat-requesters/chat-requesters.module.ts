import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { RequestersModule } from '../requesters/requesters.module';
import { ChatVisitorsConsumer } from './chat-visitors.consumer';
import { ResolveChatRequesterUseCase } from './resolve-chat-requester.use-case';

/** Which contact a chat visitor is, for chat to link its conversation and for tickets to open an escalated one. */
@Module({
  imports: [OutboxModule, ContactsModule, RequestersModule],
  controllers: [ChatVisitorsConsumer],
  providers: [ResolveChatRequesterUseCase],
})
export class ChatRequestersModule {}
