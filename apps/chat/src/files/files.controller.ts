import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { GuardedByRoute } from '@helpgate/auth';
import { ApiDescription, FileDownload, ResponseBody, StoredFile, ZodValidationPipe } from '@helpgate/platform';
import { ChatCaller, CurrentChatCaller } from '../callers/chat-caller';
import { ChatCallerGuard } from '../callers/chat-caller.guard';
import { ChatFilesService } from './chat-files.service';
import { conversationIdSchema, fileIdSchema, UploadFilesDto, uploadFilesSchema, UploadedFilesDto, uploadedFilesSchema } from './file.dto';

const callers = "Takes the visitor's conversation token (from `session` on `/visitor`), a contact token, or an agent token.";

/** Files in conversations, for the conversation's participants only. */
@GuardedByRoute()
@UseGuards(ChatCallerGuard)
@Controller()
export class FilesController {
  constructor(private readonly files: ChatFilesService) {}

  @Post('conversations/:id/files')
  @ResponseBody(uploadedFilesSchema)
  @ApiDescription(
    `${callers} The visitor of the conversation or the agent it is assigned to uploads up to the files one message may carry ` +
      '(`too_many_files`, `file_too_large`, `files_too_large`), then names their ids in `message.send` `fileIds`.',
  )
  upload(
    @CurrentChatCaller() caller: ChatCaller,
    @Param('id', new ZodValidationPipe(conversationIdSchema)) conversationId: string,
    @Body(new ZodValidationPipe(uploadFilesSchema)) body: UploadFilesDto,
  ): Promise<UploadedFilesDto> {
    return this.files.upload(caller, conversationId, body);
  }

  @Get('files/:id')
  @FileDownload()
  @ApiDescription(`${callers} The conversation's visitor and any agent download it, always as an attachment.`)
  download(@CurrentChatCaller() caller: ChatCaller, @Param('id', new ZodValidationPipe(fileIdSchema)) fileId: string): Promise<StoredFile> {
    return this.files.download(caller, fileId);
  }
}
