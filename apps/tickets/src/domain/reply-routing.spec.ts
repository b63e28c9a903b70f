import { routeReply } from './reply-routing';

const requester = { contactId: 'c-1', email: 'jane@acme.test' };
const ticket = { status: 'open' as const, requesterContactId: 'c-1', ccEmails: ['bob@acme.test'] };

describe('routeReply', () => {
  it('appends a reply from the requester or a CC', () => {
    expect(routeReply(ticket, requester)).toEqual({ action: 'append' });
    expect(routeReply(ticket, { contactId: 'c-2', email: 'Bob@Acme.test' })).toEqual({ action: 'append' });
  });

  it('reopens a solved ticket and one waiting on the customer', () => {
    expect(routeReply({ ...ticket, status: 'solved' }, requester)).toEqual({ action: 'append', newStatus: 'open' });
    expect(routeReply({ ...ticket, status: 'pending' }, requester)).toEqual({ action: 'append', newStatus: 'open' });
  });

  it('opens a follow-up for a reply to a closed ticket', () => {
    expect(routeReply({ ...ticket, status: 'closed' }, requester)).toEqual({ action: 'open-linked', link: 'follow-up' });
  });

  it('never lets someone else add to the ticket', () => {
    expect(routeReply(ticket, { contactId: 'c-9', email: 'mallory@evil.test' })).toEqual({ action: 'open-linked', link: 'other-sender' });
  });
});
