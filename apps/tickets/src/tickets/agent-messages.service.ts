import { Inject, Injectable, Logger } from '@nestjs/common';
import type { TicketMailConfig } from '../config';
import { routeReply } from '../domain/reply-routing';
import type { TicketStatus } from '../domain/ticket-status';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { previewTemplate, renderTemplate, ReplyContent, TemplatePreview, templateValuesOf } from '../reply-templates/reply-template';
import { ReplyTemplateEntity } from '../reply-templates/reply-template.entity';
import { ReplyTemplatesService, requireKnownPlaceholders } from '../reply-templates/reply-templates.service';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { AgentActor } from './current-agent.decorator';
import { agentMessage, systemMessage } from './messages-without-mail';
import { linkedTicketDraft } from './linked-ticket-draft';
import { NoteDto, ReplyDto, ReplyPreviewDto, TicketDetailDto, toTicketDetail } from './ticket.dto';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketWork } from './ticket-work';
import { TicketRepliesService } from './ticket-replies.service';
import { TicketEntity } from './ticket.entity';
import { TicketCcsRepository } from './ticket-ccs.repository';
import { TicketsRepository } from './tickets.repository';
import { TicketTransactionsService } from './ticket-transactions.service';

/** What agents write on tickets: public replies, mailed to the requester and CCs, and internal notes, never mailed. */
@Injectable()
export class AgentMessagesService {
  private readonly logger = new Logger(AgentMessagesService.name);

  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly config: TicketMailConfig,
    private readonly transactions: TicketTransactionsService,
    private readonly lifecycle: TicketLifecycleService,
    private readonly replies: TicketRepliesService,
    private readonly templates: ReplyTemplatesService,
    private readonly tickets: TicketsRepository,
    private readonly ccs: TicketCcsRepository,
  ) {}

  /**
   * Mails the reply, threaded into the ticket's conversation, and moves the ticket on as the reply rules say (a closed
   * ticket gets a linked follow-up that takes the reply) or to the status the agent chose. A reply naming a template
   * is the template filled in for the ticket (its body replaced by the agent's edited `body` when given). Answers the
   * ticket that took the reply.
   */
  async reply(ticketId: string, input: ReplyDto, actor: AgentActor): Promise<TicketDetailDto> {
    const answered = await this.transactions.run(async (work) => {
      const repliedTo = await this.lockTicket(ticketId, work);
      if (!repliedTo.requesterEmail) {
        throw new TicketsException(
          TicketsErrorCode.RequesterErased,
          `The requester of ticket #${repliedTo.number} was erased: nobody can be mailed; add an internal note instead`,
        );
      }
      const template = input.templateId ? await this.templates.requireActive(input.templateId, work.manager) : null;
      if (template) requireKnownPlaceholders({ subject: template.subject, body: input.body ?? template.body });
      const { target, newStatus } = await this.replyTarget(repliedTo, actor, work);
      await this.replies.send(
        target,
        replyContent(input, template, target),
        { conversation: repliedTo, copyCcs: true, automatic: false },
        { kind: 'agent', agentId: actor.id, name: this.config.supportName },
        actor,
        work,
      );
      const status = input.status ?? newStatus;
      if (status) await this.lifecycle.change(target, { status }, actor, work);
      return target;
    });
    this.logger.log({ ticketId: answered.id, repliedTo: ticketId, agentId: actor.id, templateId: input.templateId }, 'agent replied');
    return this.detail(answered.id);
  }

  /** The mail `reply` would send with the template for this ticket, the portal values named; sends and stores nothing. */
  async previewReply(ticketId: string, input: ReplyPreviewDto): Promise<TemplatePreview> {
    return this.transactions.run(async (work) => {
      const ticket = await this.tickets.findById(ticketId, work.manager);
      if (!ticket) throw new TicketsException(TicketsErrorCode.TicketNotFound, `No ticket ${ticketId}`);
      const template = await this.templates.requireActive(input.templateId, work.manager);
      const text = { subject: template.subject, body: input.body ?? template.body };
      requireKnownPlaceholders(text);
      return previewTemplate(text, ticket);
    });
  }

  async addNote(ticketId: string, input: NoteDto, actor: AgentActor): Promise<TicketDetailDto> {
    await this.transactions.run(async (work) => {
      const ticket = await this.lockTicket(ticketId, work);
      await this.lifecycle.addMessage(
        ticket,
        agentMessage(actor.id, {
          authorName: this.config.supportName,
          visibility: 'internal',
          direction: 'outbound',
          bodyText: input.body,
        }),
        actor,
        work,
      );
    });
    this.logger.log({ ticketId, agentId: actor.id }, 'internal note added');
    return this.detail(ticketId);
  }

  /** The ticket a reply goes to, by the reply rules, and the status they give it. */
  private async replyTarget(
    ticket: TicketEntity,
    actor: AgentActor,
    work: TicketWork,
  ): Promise<{ target: TicketEntity; newStatus?: TicketStatus }> {
    const route = routeReply({ ...ticket, ccEmails: [] }, { kind: 'agent' });
    if (route.action === 'append') return { target: ticket, newStatus: route.newStatus };
    return this.replyTarget(await this.openFollowUp(ticket, actor, work), actor, work);
  }

  /** A closed ticket stays closed: the conversation goes on in a new ticket linked to it, with its people and fields. */
  private async openFollowUp(closed: TicketEntity, actor: AgentActor, work: TicketWork): Promise<TicketEntity> {
    return this.lifecycle.open(
      linkedTicketDraft(closed, 'follow-up'),
      systemMessage({
        authorName: 'Helpgate',
        visibility: 'internal',
        direction: 'outbound',
        bodyText: `Follow-up of ticket #${closed.number}, which is closed: an agent replied to it.`,
      }),
      await this.ccs.ofTicket(closed.id, work.manager),
      actor,
      work,
    );
  }

  private async lockTicket(id: string, work: TicketWork): Promise<TicketEntity> {
    const ticket = await this.tickets.lock(id, work.manager);
    if (!ticket) throw new TicketsException(TicketsErrorCode.TicketNotFound, `No ticket ${id}`);
    return ticket;
  }

  private async detail(id: string): Promise<TicketDetailDto> {
    return toTicketDetail((await this.tickets.findWithMessages(id))!);
  }
}

/** What the reply says: the agent's text as written, or the template filled in for the ticket. */
function replyContent(input: ReplyDto, template: ReplyTemplateEntity | null, ticket: TicketEntity): ReplyContent {
  if (!template) return { text: input.body!, needsPortalValues: false };
  return renderTemplate({ subject: template.subject, body: input.body ?? template.body }, templateValuesOf(ticket));
}
