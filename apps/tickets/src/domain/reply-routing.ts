import type { TicketStatus } from '../tickets/ticket.entity';

export interface RepliedTicket {
  status: TicketStatus;
  requesterContactId: string;
  ccEmails: readonly string[];
}

export interface ReplySender {
  contactId: string;
  email: string;
}

export type ReplyRoute =
  /** Add the mail to the ticket; `reopen` when the ticket was solved (or waiting on the customer). */
  | { action: 'append'; newStatus?: TicketStatus }
  /** Open a new ticket linked to the one replied to. */
  | { action: 'open-linked'; link: 'follow-up' | 'other-sender' };

/**
 * Where a reply to an existing ticket goes. Only the requester or a CC of the ticket may add to it:
 * anyone else quoting its number or headers gets a ticket of their own, linked, so nobody can read
 * or write into someone else's ticket by forging a subject. A closed ticket is never reopened.
 */
export function routeReply(ticket: RepliedTicket, sender: ReplySender): ReplyRoute {
  const isParticipant = sender.contactId === ticket.requesterContactId || ticket.ccEmails.includes(sender.email.toLowerCase());
  if (!isParticipant) return { action: 'open-linked', link: 'other-sender' };
  if (ticket.status === 'closed') return { action: 'open-linked', link: 'follow-up' };
  if (ticket.status === 'solved' || ticket.status === 'pending') return { action: 'append', newStatus: 'open' };
  return { action: 'append' };
}
