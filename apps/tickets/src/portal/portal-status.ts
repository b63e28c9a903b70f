import type { TicketStatus } from '../domain/ticket-status';

/**
 * The statuses a customer sees. Agents' distinctions that mean nothing to the customer are folded: a new or on-hold
 * ticket is simply open (on-hold waits on a third party, the customer has nothing to do); a pending one awaits the
 * customer's reply. Closed stays apart from solved, because replying to it opens a new, linked request.
 */
export const portalStatuses = ['open', 'awaiting-your-reply', 'solved', 'closed'] as const;

export type PortalStatus = (typeof portalStatuses)[number];

const portalStatusOfTicket: Readonly<Record<TicketStatus, PortalStatus>> = {
  new: 'open',
  open: 'open',
  'on-hold': 'open',
  pending: 'awaiting-your-reply',
  solved: 'solved',
  closed: 'closed',
};

export function portalStatusOf(status: TicketStatus): PortalStatus {
  return portalStatusOfTicket[status];
}

/** The ticket statuses a customer means by the given portal statuses. */
export function ticketStatusesOf(statuses: readonly PortalStatus[]): TicketStatus[] {
  return (Object.keys(portalStatusOfTicket) as TicketStatus[]).filter((status) => statuses.includes(portalStatusOfTicket[status]));
}
