import type { TicketsTicketChangedV3 } from '@helpgate/contracts';
import type { ContactActivityEntry } from '../contacts/contact-activities.repository';

/**
 * The timeline entry a ticket event makes, on the requester's timeline: a ticket opened, or a ticket moved to the
 * requester from the contact merged into it. Null for the events the timeline does not show.
 */
export function ticketActivityOf({ change, ticket, changes }: TicketsTicketChangedV3): ContactActivityEntry | null {
  const contactId = ticket.requesterContactId;
  if (change === 'created')
    return { contactId, activity: { kind: 'ticket_opened', details: { ticketId: ticket.id, number: ticket.number } } };
  const requesterChange = change === 'updated' ? changes.find((fieldChange) => fieldChange.field === 'requesterContactId') : undefined;
  if (typeof requesterChange?.from !== 'string') return null;
  return {
    contactId,
    activity: { kind: 'ticket_moved', details: { ticketId: ticket.id, number: ticket.number, fromContactId: requesterChange.from } },
  };
}
