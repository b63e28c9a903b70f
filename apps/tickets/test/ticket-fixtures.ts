import type { TicketEntity } from '../src/tickets/ticket.entity';

/** A ticket as its row would read, for unit specs: new, unassigned, without a category. */
export function ticketEntity(): TicketEntity {
  const now = new Date();
  return {
    id: '3f2b8c1e-9d4a-4b6e-8f00-1a2b3c4d5e6f',
    number: 1,
    subject: 'Cannot sign in',
    status: 'new',
    priority: 'normal',
    channel: 'email',
    requesterContactId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    requesterEmail: 'jane@acme.test',
    requesterName: 'Jane',
    organizationId: '6f1c0a52-3a7b-4c1e-9d4f-2b8e7a6c5d4e',
    organizationName: 'Acme',
    categoryId: null,
    category: null,
    assigneeId: null,
    tags: [],
    supportAddress: null,
    linkedTicketId: null,
    linkKind: null,
    createdAt: now,
    updatedAt: now,
    firstResponseAt: null,
    solvedAt: null,
  } as unknown as TicketEntity;
}
