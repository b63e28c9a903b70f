import type { TicketStatus } from './ticket-status';

export interface RepliedTicket {
  status: TicketStatus;
  requesterContactId: string;
  ccEmails: readonly string[];
}

/** Who replies: a customer (by mail, later the portal), known by contact and address, or an agent. */
export type ReplyAuthor = { kind: 'customer'; contactId: string; email: string } | { kind: 'agent' };

export type ReplyRoute =
  /** Add the reply to the ticket, moving it to `newStatus` when given. */
  | { action: 'append'; newStatus?: TicketStatus }
  /** Open a new ticket linked to the one replied to, and add the reply there. */
  | { action: 'open-linked'; link: 'follow-up' | 'other-sender' };

/**
 * Where a reply to an existing ticket goes, whichever way it arrives. A closed ticket is never reopened: the reply
 * opens a follow-up linked to it. A solved ticket reopens. Only the requester or a CC of the ticket may add to it:
 * anyone else quoting its number or headers gets a ticket of their own, linked, so nobody can read or write into
 * someone else's ticket by forging a subject. A customer's reply also reopens a ticket waiting on them; an agent's
 * first reply to a new ticket opens it.
 */
export function routeReply(ticket: RepliedTicket, author: ReplyAuthor): ReplyRoute {
  if (author.kind === 'customer' && !isParticipant(ticket, author)) return { action: 'open-linked', link: 'other-sender' };
  if (ticket.status === 'closed') return { action: 'open-linked', link: 'follow-up' };
  if (ticket.status === 'solved') return { action: 'append', newStatus: 'open' };
  if (author.kind === 'customer' && ticket.status === 'pending') return { action: 'append', newStatus: 'open' };
  if (author.kind === 'agent' && ticket.status === 'new') return { action: 'append', newStatus: 'open' };
  return { action: 'append' };
}

function isParticipant(ticket: RepliedTicket, sender: { contactId: string; email: string }): boolean {
  return sender.contactId === ticket.requesterContactId || ticket.ccEmails.includes(sender.email.toLowerCase());
}
