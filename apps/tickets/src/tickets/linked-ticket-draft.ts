import type { TicketEntity, TicketLinkKind } from './ticket.entity';
import type { NewTicket } from './tickets.repository';

/**
 * A new ticket carrying on another one's conversation (a closed ticket never changes again; someone not taking part
 * in a ticket gets one of their own): linked to it, with its subject, requester, priority, category, assignee, tags and
 * support address. A customer who carries it on becomes its requester.
 */
export function linkedTicketDraft(from: TicketEntity, link: TicketLinkKind): NewTicket {
  return {
    subject: from.subject,
    status: 'new',
    priority: from.priority,
    channel: from.channel,
    requesterContactId: from.requesterContactId,
    requesterEmail: from.requesterEmail,
    requesterName: from.requesterName,
    organizationId: from.organizationId,
    organizationName: from.organizationName,
    categoryId: from.categoryId,
    assigneeId: from.assigneeId,
    tags: from.tags,
    supportAddress: from.supportAddress,
    linkedTicketId: from.id,
    linkKind: link,
  };
}
