import type { TicketEntity } from './ticket.entity';
import type { NewTicket } from './tickets.repository';

/**
 * A new ticket carrying on a closed one (which never changes again): linked to it, with its subject, requester,
 * priority, category, assignee, tags and support address. Who replied may make themselves its requester.
 */
export function followUpDraft(closed: TicketEntity): NewTicket {
  return {
    subject: closed.subject,
    status: 'new',
    priority: closed.priority,
    channel: closed.channel,
    requesterContactId: closed.requesterContactId,
    requesterEmail: closed.requesterEmail,
    requesterName: closed.requesterName,
    organizationId: closed.organizationId,
    organizationName: closed.organizationName,
    categoryId: closed.categoryId,
    assigneeId: closed.assigneeId,
    tags: closed.tags,
    supportAddress: closed.supportAddress,
    linkedTicketId: closed.id,
    linkKind: 'follow-up',
  };
}
