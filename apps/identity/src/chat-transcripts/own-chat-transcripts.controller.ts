import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ContactsOnly, CurrentPrincipal, ContactPrincipal } from '@helpgate/auth';
import { Page, PageOf, pageOf, pageQuerySchema, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import { OwnChatTranscriptDto, ownChatTranscriptSchema, ownChatTranscriptSummarySchema } from './chat-transcript.dto';
import { ChatTranscriptsService } from './chat-transcripts.service';

/**
 * A signed-in contact reads the transcripts of its own conversations with the team (the portal). `ContactsOnly` lets
 * contacts alone through, so the principal is a contact's.
 */
@ContactsOnly()
@Controller('me/chat-transcripts')
export class OwnChatTranscriptsController {
  constructor(private readonly transcripts: ChatTranscriptsService) {}

  @Get()
  @ResponseBody(pageOf(ownChatTranscriptSummarySchema))
  list(
    @CurrentPrincipal() principal: ContactPrincipal,
    @Query(new ZodValidationPipe(pageQuerySchema)) page: Page,
  ): Promise<PageOf<Omit<OwnChatTranscriptDto, 'entries'>>> {
    return this.transcripts.listOwn(principal.contactId, page);
  }

  @Get(':id')
  @ResponseBody(ownChatTranscriptSchema)
  get(@CurrentPrincipal() principal: ContactPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<OwnChatTranscriptDto> {
    return this.transcripts.getOwn(principal.contactId, id);
  }
}
