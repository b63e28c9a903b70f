import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PageOf } from '@helpgate/platform';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { knownPlaceholders, previewTemplate, TemplatePreview, TemplateText, unknownTemplatePlaceholders } from './reply-template';
import {
  CreateReplyTemplateDto,
  PreviewReplyTemplateDto,
  ReplyTemplateDto,
  ReplyTemplateListDto,
  toReplyTemplate,
  UpdateReplyTemplateDto,
} from './reply-template.dto';
import { ReplyTemplateEntity } from './reply-template.entity';
import { ReplyTemplatesRepository } from './reply-templates.repository';

/** Reply templates: agents read and apply them, admins write them; a placeholder nobody fills is refused when saved. */
@Injectable()
export class ReplyTemplatesService {
  private readonly logger = new Logger(ReplyTemplatesService.name);

  constructor(private readonly templates: ReplyTemplatesRepository) {}

  async list({ includeInactive, limit, offset }: ReplyTemplateListDto): Promise<PageOf<ReplyTemplateDto>> {
    const [templates, total] = await this.templates.list(includeInactive, { limit, offset });
    return { items: templates.map(toReplyTemplate), total, limit, offset };
  }

  async get(id: string): Promise<ReplyTemplateDto> {
    return toReplyTemplate(await this.existing(id));
  }

  async create(input: CreateReplyTemplateDto): Promise<ReplyTemplateDto> {
    requireKnownPlaceholders(input);
    const created = await this.templates.create({ ...input, active: true });
    if (created === 'name-taken') throw nameTaken(input.name);
    this.logger.log({ templateId: created.id }, 'reply template created');
    return toReplyTemplate(created);
  }

  async update(id: string, patch: UpdateReplyTemplateDto): Promise<ReplyTemplateDto> {
    const current = await this.existing(id);
    requireKnownPlaceholders({ subject: patch.subject === undefined ? current.subject : patch.subject, body: patch.body ?? current.body });
    const updated = await this.templates.update(id, patch);
    if (updated === 'name-taken') throw nameTaken(patch.name!);
    this.logger.log({ templateId: id, fields: Object.keys(patch) }, 'reply template changed');
    return toReplyTemplate(updated);
  }

  /** What a template being written mails for the sample ticket; unknown placeholders are refused as on saving. */
  preview(template: PreviewReplyTemplateDto): TemplatePreview {
    requireKnownPlaceholders(template);
    return previewTemplate(template);
  }

  /** The active template a reply names; anything else is refused. */
  async requireActive(id: string, manager: EntityManager): Promise<ReplyTemplateEntity> {
    const template = await this.templates.findActive(id, manager);
    if (!template) throw new TicketsException(TicketsErrorCode.UnknownReplyTemplate, `No active reply template ${id}`);
    return template;
  }

  /** The template if it is still active (a rule may name one deactivated since), else null. */
  async findActive(id: string, manager: EntityManager): Promise<ReplyTemplateEntity | null> {
    return this.templates.findActive(id, manager);
  }

  /** Refuses ids that are not active templates (what a rule may mail). */
  async requireAllActive(ids: string[]): Promise<void> {
    const active = new Set(await this.templates.activeIds(ids));
    const missing = [...new Set(ids)].filter((id) => !active.has(id));
    if (missing.length > 0) {
      throw new TicketsException(TicketsErrorCode.UnknownReplyTemplate, `No active reply template ${missing.join(', ')}`);
    }
  }

  private async existing(id: string): Promise<ReplyTemplateEntity> {
    const template = await this.templates.findById(id);
    if (!template) throw new TicketsException(TicketsErrorCode.ReplyTemplateNotFound, `No reply template ${id}`);
    return template;
  }
}

/** Refuses a text naming placeholders nobody fills, naming them. */
export function requireKnownPlaceholders(template: TemplateText): void {
  const unknown = unknownTemplatePlaceholders(template);
  if (unknown.length === 0) return;
  throw new TicketsException(
    TicketsErrorCode.UnknownPlaceholders,
    `Unknown placeholders: ${unknown.map((name) => `{{${name}}}`).join(', ')}; known are ${knownPlaceholders.map((name) => `{{${name}}}`).join(', ')}`,
  );
}

function nameTaken(name: string): TicketsException {
  return new TicketsException(TicketsErrorCode.ReplyTemplateNameTaken, `A reply template named "${name}" exists already`);
}
