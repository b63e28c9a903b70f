import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ContactPrincipal, ContactsOnly, ContactsToo } from '@helpgate/auth';
import {
  ApiDescription,
  FileDownload,
  PageOf,
  pageOf,
  ResponseBody,
  sha256HexSchema,
  StoredFile,
  ZodValidationPipe,
} from '@helpgate/platform';
import { CurrentContact } from './current-contact.decorator';
import {
  PortalNewTicketDto,
  portalNewTicketSchema,
  PortalReplyDto,
  portalReplySchema,
  PortalTicketDto,
  PortalTicketFormDto,
  portalTicketFormSchema,
  portalTicketSchema,
  PortalTicketListDto,
  portalTicketListSchema,
  PortalTicketSummaryDto,
  portalTicketSummarySchema,
} from './portal.dto';
import { PortalRepliesUseCase } from './portal-replies.use-case';
import { PortalService } from './portal.service';

/**
 * The customer's view: a signed-in contact's own tickets (and its organizations' for primary contacts). Agents are
 * refused (403): they have no tickets of their own to see here, and read every ticket through `/tickets`.
 */
@ContactsOnly()
@Controller('portal')
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly replies: PortalRepliesUseCase,
  ) {}

  /**
   * What the new-ticket form offers: active categories, priorities with their meaning, the attachment limits. The same
   * for everyone, so agents may read it too (to preview the portal); every other route is for contacts only.
   */
  @ContactsToo()
  @Get('ticket-form')
  @ResponseBody(portalTicketFormSchema)
  form(): Promise<PortalTicketFormDto> {
    return this.portal.form();
  }

  @Get('tickets')
  @ResponseBody(pageOf(portalTicketSummarySchema))
  @ApiDescription(
    '`scope=mine` (default): the tickets the contact requested or is copied on; `scope=organization`: every ticket of the organizations it is a primary contact of (403 otherwise). Newest activity first.',
  )
  list(
    @CurrentContact() contact: ContactPrincipal,
    @Query(new ZodValidationPipe(portalTicketListSchema)) query: PortalTicketListDto,
  ): Promise<PageOf<PortalTicketSummaryDto>> {
    return this.portal.list(contact, query);
  }

  @Post('tickets')
  @ResponseBody(portalTicketSchema)
  open(
    @CurrentContact() contact: ContactPrincipal,
    @Body(new ZodValidationPipe(portalNewTicketSchema)) body: PortalNewTicketDto,
  ): Promise<PortalTicketDto> {
    return this.portal.open(contact, body);
  }

  @Get('tickets/:id')
  @ResponseBody(portalTicketSchema)
  @ApiDescription('The ticket and its public thread; a ticket the contact may not see answers 404, as one that does not exist.')
  get(@CurrentContact() contact: ContactPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<PortalTicketDto> {
    return this.portal.get(contact, id);
  }

  /** Answers the ticket that took the reply: a linked one when the ticket was closed. */
  @Post('tickets/:id/replies')
  @ResponseBody(portalTicketSchema)
  @ApiDescription(
    'The same rules as a reply by mail: a pending or solved ticket reopens; a closed one gets a linked follow-up that takes the reply; a primary contact not taking part in the ticket gets a linked ticket of its own. Files as on the ticket form, within the same limits (422 `ticket.too_many_attachments`, `ticket.attachments_too_large`). Answers the ticket that took the reply.',
  )
  reply(
    @CurrentContact() contact: ContactPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(portalReplySchema)) body: PortalReplyDto,
  ): Promise<PortalTicketDto> {
    return this.replies.execute(contact, id, body);
  }

  @Get('tickets/:id/attachments/:sha256')
  @FileDownload()
  attachment(
    @CurrentContact() contact: ContactPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sha256', new ZodValidationPipe(sha256HexSchema)) sha256: string,
  ): Promise<StoredFile> {
    return this.portal.attachment(contact, id, sha256);
  }
}
