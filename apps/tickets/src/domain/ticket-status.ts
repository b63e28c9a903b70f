import type { ticketStatuses } from '@helpgate/contracts';
import { TicketsErrorCode, TicketsException } from './tickets.exception';

export type TicketStatus = (typeof ticketStatuses)[number];

/**
 * Where a ticket may go from each status. `new` is only where tickets start; `closed` is the end (a reply to a closed
 * ticket opens a follow-up instead), reached only from `solved`; a solved ticket reopens as `open`.
 */
export const statusTransitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'pending', 'on-hold', 'solved'],
  open: ['pending', 'on-hold', 'solved'],
  pending: ['open', 'on-hold', 'solved'],
  'on-hold': ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return statusTransitions[from].includes(to);
}

/** Refuses a move the table does not allow, saying where the ticket can go instead. Staying put is no move. */
export function requireTransition(from: TicketStatus, to: TicketStatus): void {
  if (from === to || canTransition(from, to)) return;
  const allowed = statusTransitions[from];
  const options = allowed.length > 0 ? `it can go to ${allowed.join(', ')}` : 'it can no longer change; reply to open a follow-up';
  throw new TicketsException(TicketsErrorCode.InvalidStatusTransition, `A ${from} ticket cannot become ${to}: ${options}`);
}
