import { ticketStatuses } from '@helpgate/contracts';
import { canTransition, requireTransition, statusTransitions, TicketStatus } from './ticket-status';
import { TicketsErrorCode } from './tickets.exception';

describe('ticket status transitions', () => {
  it('lets agents work a ticket between open, pending and on-hold, and solve it from any of them', () => {
    for (const from of ['new', 'open', 'pending', 'on-hold'] as TicketStatus[]) {
      expect(canTransition(from, 'solved')).toBe(true);
      for (const to of ['pending', 'on-hold'] as TicketStatus[]) if (from !== to) expect(canTransition(from, to)).toBe(true);
    }
    expect(canTransition('pending', 'open')).toBe(true);
    expect(canTransition('on-hold', 'open')).toBe(true);
  });

  it('never sends a ticket back to new', () => {
    for (const from of ticketStatuses) expect(canTransition(from, 'new')).toBe(false);
  });

  it('closes only solved tickets, reopens solved ones, and never moves a closed one', () => {
    expect(ticketStatuses.filter((from) => canTransition(from, 'closed'))).toEqual(['solved']);
    expect(canTransition('solved', 'open')).toBe(true);
    expect(statusTransitions.closed).toEqual([]);
  });

  it('accepts staying in the same status and refuses any other move with a domain error that says what is allowed', () => {
    expect(() => requireTransition('open', 'open')).not.toThrow();
    expect(() => requireTransition('closed', 'open')).toThrow(
      expect.objectContaining({ code: TicketsErrorCode.InvalidStatusTransition, message: expect.stringContaining('follow-up') }),
    );
    expect(() => requireTransition('new', 'closed')).toThrow(
      expect.objectContaining({ message: 'A new ticket cannot become closed: it can go to open, pending, on-hold, solved' }),
    );
  });
});
