import { Module } from '@nestjs/common';
import { ChatCallerGuard } from '../callers/chat-caller.guard';
import { ConversationsModule } from '../conversations/conversations.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { ChatFilesService } from './chat-files.service';
import { FilesController } from './files.controller';

/** Uploading and downloading the files of conversations over HTTP. */
@Module({
  imports: [ConversationsModule, VisitorsModule],
  controllers: [FilesController],
  providers: [ChatFilesService, ChatCallerGuard],
})
export class FilesModule {}
