import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { Page, PageOf, pageOf, pageQuerySchema, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import { ChatTranscriptDto, chatTranscriptSchema, ChatTranscriptSummaryDto, chatTranscriptSummarySchema } from './chat-transcript.dto';
import { ChatTranscriptsService } from './chat-transcripts.service';

/** Agents read the chat transcripts on a contact's profile, the latest conversation first. */
@Controller('contacts/:id/chat-transcripts')
export class ContactChatTranscriptsController {
  constructor(private readonly transcripts: ChatTranscriptsService) {}

  @Get()
  @ResponseBody(pageOf(chatTranscriptSummarySchema))
  list(
    @Param('id', ParseUUIDPipe) contactId: string,
    @Query(new ZodValidationPipe(pageQuerySchema)) page: Page,
  ): Promise<PageOf<ChatTranscriptSummaryDto>> {
    return this.transcripts.listForAgents(contactId, page);
  }

  @Get(':transcriptId')
  @ResponseBody(chatTranscriptSchema)
  get(@Param('id', ParseUUIDPipe) contactId: string, @Param('transcriptId', ParseUUIDPipe) id: string): Promise<ChatTranscriptDto> {
    return this.transcripts.getForAgents(contactId, id);
  }
}
