import type { TicketSnapshot } from '@helpgate/contracts';
import { TicketEntity } from './ticket.entity';

/** The ticket as events describe it to other services. */
export function ticketSnapshot(ticket: TicketEntity): TicketSnapshot {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    category: ticket.category ? { id: ticket.category.id, department: ticket.category.department, feature: ticket.category.feature } : null,
    channel: ticket.channel,
    requesterContactId: ticket.requesterContactId,
    // The contract keeps a string: empty once the requester's personal data was erased.
    requesterEmail: ticket.requesterEmail ?? '',
    organizationId: ticket.organizationId,
    assigneeId: ticket.assigneeId,
    tags: ticket.tags,
    linkedTicket: ticket.linkedTicketId && ticket.linkKind ? { id: ticket.linkedTicketId, kind: ticket.linkKind } : null,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    firstResponseAt: ticket.firstResponseAt?.toISOString() ?? null,
    solvedAt: ticket.solvedAt?.toISOString() ?? null,
  };
}
