import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { TicketActor } from '@helpgate/contracts';
import { TicketLifecycleService, TicketLifecycleEvent, TicketReaction } from '../tickets/ticket-lifecycle.service';
import { TicketWork } from '../tickets/ticket-work';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketsRepository } from '../tickets/tickets.repository';
import { AutomationRuleEntity } from './automation-rule.entity';
import { AutomationRulesRepository } from './automation-rules.repository';
import { fireRules, RuleTrigger } from './rule-engine';
import { ruleFactsOf, triggerOf } from './rule-facts';
import { RuleActionsService } from './rule-actions.service';
import { undoneOnError } from './savepoint';

const maxNoteLength = 500;

/**
 * Runs the active rules of the trigger, in order, on what happens to tickets, inside the transaction of the change.
 * A rule that fails has its own work undone and the failure written to the ticket's history, and the rules after it
 * still run: the change that triggered them (a customer's mail above all) always commits. The lifecycle never calls
 * this for what a rule did, so rules cannot trigger each other in a loop.
 */
@Injectable()
export class RunRulesReaction implements TicketReaction, OnModuleInit {
  private readonly logger = new Logger(RunRulesReaction.name);

  constructor(
    private readonly lifecycle: TicketLifecycleService,
    private readonly rules: AutomationRulesRepository,
    private readonly tickets: TicketsRepository,
    private readonly actions: RuleActionsService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.addReaction(this);
  }

  async react(event: TicketLifecycleEvent, work: TicketWork): Promise<void> {
    const trigger = triggerOf(event);
    if (!trigger) return;
    const rules = await this.rules.activeFor(trigger, work.manager);
    if (rules.length === 0) return;
    const attempt = await undoneOnError(work, () => this.runRules(rules, trigger, event, work));
    if (attempt.failed) await this.recordFailure(event.ticket, { type: 'system' }, trigger, attempt.error, work);
  }

  private async runRules(
    rules: AutomationRuleEntity[],
    trigger: RuleTrigger,
    event: TicketLifecycleEvent,
    work: TicketWork,
  ): Promise<void> {
    const { ticket } = event;
    const body = await this.bodyOf(event, work);
    const firings = fireRules(rules, trigger, ruleFactsOf(ticket, body));
    for (let step = firings.next(); !step.done; step = firings.next(ruleFactsOf(ticket, body))) {
      const firing = step.value;
      const rule = rules.find((candidate) => candidate.id === firing.ruleId)!;
      const attempt = await undoneOnError(work, () => this.actions.apply(firing, rule, ticket, work));
      if (attempt.failed) await this.recordFailure(ticket, { type: 'rule', id: rule.id }, trigger, attempt.error, work);
      else this.logger.log({ ticketId: ticket.id, ruleId: rule.id, trigger }, 'automation rule fired');
    }
  }

  /** The text the `body` conditions read: the event's message, or for a change the ticket's newest message. */
  private async bodyOf(event: TicketLifecycleEvent, work: TicketWork): Promise<string> {
    switch (event.kind) {
      case 'created':
        return event.firstMessage.bodyText;
      case 'message_added':
        return event.message.bodyText;
      case 'updated':
        return (await this.tickets.newestMessageText(event.ticket.id, work.manager)) ?? '';
    }
  }

  /** The ticket in memory is put back as the database has it once the failed work is undone, and the failure recorded. */
  private async recordFailure(
    ticket: TicketEntity,
    actor: TicketActor,
    trigger: RuleTrigger,
    error: unknown,
    work: TicketWork,
  ): Promise<void> {
    await this.tickets.refresh(ticket, work.manager);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // The reason only: a database error's parameters may hold personal data.
    this.logger.error(
      { ticketId: ticket.id, ruleId: actor.type === 'rule' ? actor.id : undefined, trigger, reason },
      'automation rules failed; their work was undone',
    );
    work.record({
      ticketId: ticket.id,
      action: 'rule_failed',
      actorType: actor.type,
      actorId: actor.type === 'rule' ? actor.id : null,
      changes: [],
      message: null,
      note: `${trigger}: ${reason}`.slice(0, maxNoteLength),
    });
  }
}
