import { ticketChanged } from '../../../../test/support/events';
import { ticketActivityOf } from './ticket-activity';

describe('ticket activity on the timeline', () => {
  const survivorId = '5b0f5c7e-9d3e-4a8f-8f3c-2d5f3c0c1a01';
  const mergedAwayId = '5b0f5c7e-9d3e-4a8f-8f3c-2d5f3c0c1a02';

  it('shows a ticket opened on its requester', () => {
    const event = ticketChanged({ requesterContactId: survivorId, number: 4 });
    expect(ticketActivityOf(event)).toEqual({
      contactId: survivorId,
      activity: { kind: 'ticket_opened', details: { ticketId: event.ticket.id, number: 4 } },
    });
  });

  it('shows a ticket moved by a merge on the requester it moved to, naming where from', () => {
    const event = ticketChanged(
      { requesterContactId: survivorId, number: 9 },
      { change: 'updated', changes: [{ field: 'requesterContactId', from: mergedAwayId, to: survivorId }] },
    );
    expect(ticketActivityOf(event)).toEqual({
      contactId: survivorId,
      activity: { kind: 'ticket_moved', details: { ticketId: event.ticket.id, number: 9, fromContactId: mergedAwayId } },
    });
  });

  it('shows nothing for other changes and messages', () => {
    expect(ticketActivityOf(ticketChanged({}, { change: 'updated', changes: [{ field: 'status', from: 'new', to: 'open' }] }))).toBeNull();
    expect(ticketActivityOf(ticketChanged({}, { change: 'message_added' }))).toBeNull();
  });
});
