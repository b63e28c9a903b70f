import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { MessagePosting } from './message-posting';

@Module({
  imports: [ConversationsModule],
  providers: [MessagePosting],
  exports: [MessagePosting],
})
export class MessagesModule {}
