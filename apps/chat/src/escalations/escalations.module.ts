import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { ContactsModule } from '../contacts/contacts.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { MessagesModule } from '../messages/messages.module';
import { QueueDataModule } from '../queue/queue-data.module';
import { RatingsRepository } from '../ratings/ratings.repository';
import { TranscriptRecorder } from '../transcripts/transcript-recorder';
import { VisitorsModule } from '../visitors/visitors.module';
import { ConversationEndings } from './conversation-endings';

/** Closing conversations, turning them into tickets, and their transcripts. */
@Module({
  imports: [ConversationsModule, MessagesModule, QueueDataModule, VisitorsModule, ContactsModule, AgentsModule],
  providers: [ConversationEndings, TranscriptRecorder, RatingsRepository],
  exports: [ConversationEndings, TranscriptRecorder, RatingsRepository],
})
export class EscalationsModule {}
