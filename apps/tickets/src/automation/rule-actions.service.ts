import { Inject, Injectable, Logger } from '@nestjs/common';
import { AgentDirectoryService } from '../agents/agent-directory.service';
import { CategoriesService } from '../categories/categories.service';
import type { TicketMailConfig } from '../config';
import type { TicketPriority } from '../domain/priorities';
import type { TicketPatch } from '../domain/ticket-changes';
import { canTransition, TicketStatus } from '../domain/ticket-status';
import { TicketsException } from '../domain/tickets.exception';
import { renderTemplate, templateValuesOf } from '../reply-templates/reply-template';
import { ReplyTemplatesService } from '../reply-templates/reply-templates.service';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { AutomaticRepliesService } from '../tickets/automatic-replies.service';
import { ruleMessage } from '../tickets/messages-without-mail';
import { TicketLifecycleService } from '../tickets/ticket-lifecycle.service';
import { TicketWork } from '../tickets/ticket-work';
import { TicketRepliesService } from '../tickets/ticket-replies.service';
import { TicketEntity } from '../tickets/ticket.entity';
import type { AutomationRuleEntity } from './automation-rule.entity';
import type { RuleFiring, TicketChangesAsked } from './rule-engine';

type RuleActor = { type: 'rule'; id: string };

/**
 * Does what a firing rule asks, as the rule: its field changes through the lifecycle, then its mails and notes in
 * order. What cannot apply to the ticket as it is (a status move the transitions forbid, any change to a closed
 * ticket, a category, agent or template deactivated since the rule was saved, an erased requester, the automatic-mail
 * limit reached) is skipped and written to the ticket's history, never an error that would undo the change or the mail
 * that triggered the rule.
 */
@Injectable()
export class RuleActionsService {
  private readonly logger = new Logger(RuleActionsService.name);

  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly config: TicketMailConfig,
    private readonly lifecycle: TicketLifecycleService,
    private readonly replies: TicketRepliesService,
    private readonly templates: ReplyTemplatesService,
    private readonly categories: CategoriesService,
    private readonly agents: AgentDirectoryService,
    private readonly automaticReplies: AutomaticRepliesService,
  ) {}

  async apply(firing: RuleFiring, rule: AutomationRuleEntity, ticket: TicketEntity, work: TicketWork): Promise<void> {
    const actor: RuleActor = { type: 'rule', id: rule.id };
    const patch = await this.applicableChanges(firing.changes, ticket, actor, work);
    if (Object.keys(patch).length > 0) await this.lifecycle.change(ticket, patch, actor, work);
    for (const effect of firing.effects) {
      if (effect.type === 'add_note') await this.addNote(effect.text, rule, ticket, actor, work);
      else await this.mailTemplate(effect.templateId, ticket, actor, work);
    }
  }

  private async applicableChanges(
    asked: TicketChangesAsked,
    ticket: TicketEntity,
    actor: RuleActor,
    work: TicketWork,
  ): Promise<TicketPatch> {
    const { status, priority, categoryId, assigneeId, tags } = asked;
    const patch: TicketPatch = {
      ...(tags === undefined ? {} : { tags }),
      ...(priority === undefined ? {} : { priority: priority as TicketPriority }),
    };
    if (status !== undefined) {
      if (status === ticket.status || canTransition(ticket.status, status as TicketStatus)) patch.status = status as TicketStatus;
      else await this.skip(ticket, actor, `set_status: a ${ticket.status} ticket cannot become ${status}`, work);
    }
    if (categoryId !== undefined) {
      const refusal = categoryId === null ? null : await refusalOf(() => this.categories.requireAssignable(categoryId, work.manager));
      if (refusal) await this.skip(ticket, actor, `set_category: ${refusal}`, work);
      else patch.categoryId = categoryId;
    }
    if (assigneeId !== undefined) {
      const refusal = assigneeId === null ? null : await refusalOf(() => this.agents.requireAssignable(assigneeId, work.manager));
      if (refusal) await this.skip(ticket, actor, `set_assignee: ${refusal}`, work);
      else patch.assigneeId = assigneeId;
    }
    if (ticket.status === 'closed' && Object.keys(patch).length > 0) {
      await this.skip(ticket, actor, `${Object.keys(patch).join(', ')}: a closed ticket never changes`, work);
      return {};
    }
    return patch;
  }

  private async addNote(text: string, rule: AutomationRuleEntity, ticket: TicketEntity, actor: RuleActor, work: TicketWork): Promise<void> {
    await this.lifecycle.addMessage(
      ticket,
      ruleMessage(rule.id, { authorName: `Rule: ${rule.name}`, visibility: 'internal', direction: 'outbound', bodyText: text }),
      actor,
      work,
    );
  }

  /** Mails the template to the requester alone, threaded like any reply, marked as automatic. */
  private async mailTemplate(templateId: string, ticket: TicketEntity, actor: RuleActor, work: TicketWork): Promise<void> {
    const template = await this.templates.findActive(templateId, work.manager);
    if (!template) {
      await this.skip(ticket, actor, `mail_template: reply template ${templateId} is no longer active`, work);
      return;
    }
    if (!ticket.requesterEmail) {
      await this.skip(ticket, actor, 'mail_template: the requester was erased, nobody can be mailed', work);
      return;
    }
    if (!(await this.automaticReplies.take(ticket.requesterEmail, work))) {
      await this.skip(ticket, actor, 'mail_template: the limit of automatic mails to the requester is reached', work);
      return;
    }
    const message = await this.replies.send(
      ticket,
      renderTemplate(template, templateValuesOf(ticket)),
      { conversation: ticket, copyCcs: false, automatic: true },
      { kind: 'rule', ruleId: actor.id, name: this.config.supportName },
      actor,
      work,
    );
    this.logger.log({ ticketId: ticket.id, ruleId: actor.id, templateId, messageId: message.id }, 'rule mailed a reply template');
  }

  private async skip(ticket: TicketEntity, actor: RuleActor, note: string, work: TicketWork): Promise<void> {
    this.logger.warn({ ticketId: ticket.id, ruleId: actor.id, note }, 'rule action skipped');
    work.record({
      ticketId: ticket.id,
      action: 'rule_action_skipped',
      actorType: 'rule',
      actorId: actor.id,
      changes: [],
      message: null,
      note,
    });
  }
}

/** Why a check refuses (a category or agent deactivated since the rule was saved), or null when it passes. */
async function refusalOf(check: () => Promise<void>): Promise<string | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof TicketsException) return error.message;
    throw error;
  }
}
