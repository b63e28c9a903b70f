import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { ContactsModule } from '../contacts/contacts.module';
import { RequestersModule } from '../requesters/requesters.module';
import { ChatTranscriptsConsumer } from './chat-transcripts.consumer';
import { ChatTranscriptsRepository } from './chat-transcripts.repository';
import { ChatTranscriptsService } from './chat-transcripts.service';
import { ContactChatTranscriptsController } from './contact-chat-transcripts.controller';
import { OwnChatTranscriptsController } from './own-chat-transcripts.controller';
import { RecordChatTranscriptUseCase } from './record-chat-transcript.use-case';

/**
 * Transcripts of conversations that reached a person, on the contact's profile. Merging moves them with the contact's
 * other belongings and anonymizing erases them (`ContactsRepository`), like the contact's other personal data.
 */
@Module({
  imports: [OutboxModule, ContactsModule, RequestersModule],
  controllers: [ChatTranscriptsConsumer, ContactChatTranscriptsController, OwnChatTranscriptsController],
  providers: [ChatTranscriptsRepository, ChatTranscriptsService, RecordChatTranscriptUseCase],
})
export class ChatTranscriptsModule {}
