import type { TicketLifecycleEvent } from '../tickets/ticket-lifecycle.service';
import type { RuleFacts, RuleTrigger } from './rule-engine';

/**
 * The trigger an event is for the rules: a ticket opened or changed, or a message a customer wrote (by mail or the
 * portal) on a ticket. Agents' replies and notes, Helpgate's own messages and machine-written mail (auto-replies,
 * bounces) trigger nothing, so no rule ever answers an auto-responder.
 */
export function triggerOf(event: TicketLifecycleEvent): RuleTrigger | null {
  switch (event.kind) {
    case 'created':
      return 'ticket_created';
    case 'updated':
      return 'ticket_updated';
    case 'message_added': {
      const { authorKind, automatedKind } = event.message;
      return (authorKind === 'requester' || authorKind === 'cc') && automatedKind === null ? 'message_received' : null;
    }
  }
}

/** What the rules' conditions look at: the ticket as it now is, and the text of the message the event is about. */
export function ruleFactsOf(
  ticket: {
    subject: string;
    channel: string;
    requesterEmail: string | null;
    organizationId: string | null;
    priority: string;
    categoryId: string | null;
    status: string;
    tags: string[];
  },
  body: string,
): RuleFacts {
  return {
    subject: ticket.subject,
    body,
    channel: ticket.channel,
    requesterEmail: ticket.requesterEmail ?? '',
    organizationId: ticket.organizationId,
    priority: ticket.priority,
    categoryId: ticket.categoryId,
    status: ticket.status,
    tags: [...ticket.tags],
  };
}
