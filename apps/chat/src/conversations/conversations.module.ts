import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { FilesRepository } from '../files/files.repository';
import { MessagesRepository } from '../messages/messages.repository';
import { ConversationViews } from './conversation-views';
import { ConversationsRepository } from './conversations.repository';

/** Conversations, their messages and files as stored, and their views. */
@Module({
  imports: [AgentsModule],
  providers: [ConversationsRepository, MessagesRepository, FilesRepository, ConversationViews],
  exports: [ConversationsRepository, MessagesRepository, FilesRepository, ConversationViews],
})
export class ConversationsModule {}
