import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { ApiDescription, PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  CreateReplyTemplateDto,
  createReplyTemplateSchema,
  PreviewReplyTemplateDto,
  previewReplyTemplateSchema,
  replyTemplatePreviewSchema,
  ReplyTemplateDto,
  replyTemplateResponseSchema,
  ReplyTemplateListDto,
  replyTemplateListSchema,
  UpdateReplyTemplateDto,
  updateReplyTemplateSchema,
} from './reply-template.dto';
import { TemplatePreview } from './reply-template';
import { ReplyTemplatesService } from './reply-templates.service';

/** Agents read templates and apply them (`POST /tickets/:id/replies` with `templateId`); admins write them. */
@Controller('reply-templates')
export class ReplyTemplatesController {
  constructor(private readonly templates: ReplyTemplatesService) {}

  @Get()
  @ResponseBody(pageOf(replyTemplateResponseSchema))
  list(@Query(new ZodValidationPipe(replyTemplateListSchema)) query: ReplyTemplateListDto): Promise<PageOf<ReplyTemplateDto>> {
    return this.templates.list(query);
  }

  @Get(':id')
  @ResponseBody(replyTemplateResponseSchema)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ReplyTemplateDto> {
    return this.templates.get(id);
  }

  @AdminsOnly()
  @Post()
  @ResponseBody(replyTemplateResponseSchema)
  @ApiDescription(
    'Placeholders: {{ticket.number}}, {{ticket.subject}}, {{ticket.status}}, {{requester.name}}, {{requester.email}} (filled by tickets) and {{portal.url}}, {{portal.username}}, {{portal.setPasswordLink}} (filled by identity, which then mails the requester alone); any other answers 422 naming it.',
  )
  create(@Body(new ZodValidationPipe(createReplyTemplateSchema)) body: CreateReplyTemplateDto): Promise<ReplyTemplateDto> {
    return this.templates.create(body);
  }

  @Post('preview')
  @HttpCode(200)
  @ResponseBody(replyTemplatePreviewSchema)
  @ApiDescription(
    'The mail a subject and body (saved or not) make for a made-up sample ticket #1042, portal values named rather than filled; saves nothing. Unknown placeholders answer 422 as on saving.',
  )
  preview(@Body(new ZodValidationPipe(previewReplyTemplateSchema)) body: PreviewReplyTemplateDto): TemplatePreview {
    return this.templates.preview(body);
  }

  /** Edits, or deactivates with `{ "active": false }`: templates are never deleted, as rules may name them. */
  @AdminsOnly()
  @Patch(':id')
  @ResponseBody(replyTemplateResponseSchema)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(updateReplyTemplateSchema)) body: UpdateReplyTemplateDto,
  ): Promise<ReplyTemplateDto> {
    return this.templates.update(id, body);
  }
}
