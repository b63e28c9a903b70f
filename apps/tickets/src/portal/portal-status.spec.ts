import { ticketStatuses } from '@helpgate/contracts';
import { portalStatuses, portalStatusOf, ticketStatusesOf } from './portal-status';

describe('the statuses a customer sees', () => {
  it('folds new and on-hold into open, shows pending as awaiting the reply, and keeps solved and closed apart', () => {
    expect(ticketStatuses.map(portalStatusOf)).toEqual(['open', 'open', 'awaiting-your-reply', 'open', 'solved', 'closed']);
  });

  it('finds the ticket statuses behind portal statuses, every ticket status behind exactly one', () => {
    expect(ticketStatusesOf(['open'])).toEqual(['new', 'open', 'on-hold']);
    expect(ticketStatusesOf(['awaiting-your-reply', 'closed'])).toEqual(['pending', 'closed']);
    expect(portalStatuses.flatMap((status) => ticketStatusesOf([status])).sort()).toEqual([...ticketStatuses].sort());
  });
});
