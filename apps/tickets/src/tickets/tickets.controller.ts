import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiDescription,
  FileDownload,
  Page,
  PageOf,
  pageOf,
  pageQuerySchema,
  ResponseBody,
  sha256HexSchema,
  StoredFile,
  ZodValidationPipe,
} from '@helpgate/platform';
import { AgentActor, CurrentAgent } from './current-agent.decorator';
import { AgentMessagesService } from './agent-messages.service';
import { OpenTicketUseCase } from './open-ticket.use-case';
import {
  AuditEntryDto,
  auditEntrySchema,
  CreateTicketDto,
  createTicketSchema,
  NoteDto,
  noteSchema,
  ReplyDto,
  ReplyPreviewDto,
  replyPreviewSchema,
  replySchema,
  TicketDetailDto,
  ticketDetailSchema,
  TicketSearchDto,
  ticketSearchSchema,
  TicketSummaryDto,
  ticketSummarySchema,
  UpdateTicketDto,
  updateTicketSchema,
} from './ticket.dto';
import { replyTemplatePreviewSchema } from '../reply-templates/reply-template.dto';
import { TemplatePreview } from '../reply-templates/reply-template';
import { TicketsService } from './tickets.service';
import { UpdateTicketUseCase } from './update-ticket.use-case';

@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly openTicket: OpenTicketUseCase,
    private readonly updateTicket: UpdateTicketUseCase,
    private readonly agentMessages: AgentMessagesService,
  ) {}

  @Get()
  @ResponseBody(pageOf(ticketSummarySchema))
  search(@Query(new ZodValidationPipe(ticketSearchSchema)) query: TicketSearchDto): Promise<PageOf<TicketSummaryDto>> {
    return this.tickets.search(query);
  }

  @Post()
  @ResponseBody(ticketDetailSchema)
  create(
    @Body(new ZodValidationPipe(createTicketSchema)) body: CreateTicketDto,
    @CurrentAgent() agent: AgentActor,
  ): Promise<TicketDetailDto> {
    return this.openTicket.execute(body, agent);
  }

  @Get(':id')
  @ResponseBody(ticketDetailSchema)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<TicketDetailDto> {
    return this.tickets.get(id);
  }

  @Patch(':id')
  @ResponseBody(ticketDetailSchema)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(updateTicketSchema)) body: UpdateTicketDto,
    @CurrentAgent() agent: AgentActor,
  ): Promise<TicketDetailDto> {
    return this.updateTicket.execute(id, body, agent);
  }

  /** Answers the ticket that took the reply: a follow-up when the ticket was closed. */
  @Post(':id/replies')
  @ResponseBody(ticketDetailSchema)
  @ApiDescription(
    "`body` as written, or `templateId`: the reply template filled in for the ticket (with `body`, the agent's edited text of it). A template naming portal values is completed and mailed by identity to the requester alone.",
  )
  reply(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(replySchema)) body: ReplyDto,
    @CurrentAgent() agent: AgentActor,
  ): Promise<TicketDetailDto> {
    return this.agentMessages.reply(id, body, agent);
  }

  @Post(':id/replies/preview')
  @HttpCode(200)
  @ResponseBody(replyTemplatePreviewSchema)
  @ApiDescription(
    'The mail a reply with `templateId` (and the edited `body`) would send for this ticket, portal values named rather than filled; sends nothing.',
  )
  previewReply(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(replyPreviewSchema)) body: ReplyPreviewDto,
  ): Promise<TemplatePreview> {
    return this.agentMessages.previewReply(id, body);
  }

  @Post(':id/notes')
  @ResponseBody(ticketDetailSchema)
  addNote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(noteSchema)) body: NoteDto,
    @CurrentAgent() agent: AgentActor,
  ): Promise<TicketDetailDto> {
    return this.agentMessages.addNote(id, body, agent);
  }

  @Get(':id/audit')
  @ResponseBody(pageOf(auditEntrySchema))
  audit(@Param('id', ParseUUIDPipe) id: string, @Query(new ZodValidationPipe(pageQuerySchema)) page: Page): Promise<PageOf<AuditEntryDto>> {
    return this.tickets.history(id, page);
  }

  @Get(':id/attachments/:sha256')
  @FileDownload()
  attachment(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sha256', new ZodValidationPipe(sha256HexSchema)) sha256: string,
  ): Promise<StoredFile> {
    return this.tickets.attachment(id, sha256);
  }
}
