import { routeReply } from './reply-routing';

const requester = { kind: 'customer', contactId: 'c-1', email: 'jane@acme.test' } as const;
const agent = { kind: 'agent' } as const;
const ticket = { status: 'open' as const, requesterContactId: 'c-1', ccEmails: ['bob@acme.test'] };

describe('routeReply', () => {
  it('appends a reply from the requester or a CC', () => {
    expect(routeReply(ticket, requester)).toEqual({ action: 'append' });
    expect(routeReply(ticket, { kind: 'customer', contactId: 'c-2', email: 'Bob@Acme.test' })).toEqual({ action: 'append' });
  });

  it('reopens a solved ticket, whoever replies, and one waiting on the customer when the customer replies', () => {
    expect(routeReply({ ...ticket, status: 'solved' }, requester)).toEqual({ action: 'append', newStatus: 'open' });
    expect(routeReply({ ...ticket, status: 'solved' }, agent)).toEqual({ action: 'append', newStatus: 'open' });
    expect(routeReply({ ...ticket, status: 'pending' }, requester)).toEqual({ action: 'append', newStatus: 'open' });
    expect(routeReply({ ...ticket, status: 'pending' }, agent)).toEqual({ action: 'append' });
  });

  it("opens a new ticket on the agent's first reply and leaves it new when the customer adds to it", () => {
    expect(routeReply({ ...ticket, status: 'new' }, agent)).toEqual({ action: 'append', newStatus: 'open' });
    expect(routeReply({ ...ticket, status: 'new' }, requester)).toEqual({ action: 'append' });
  });

  it('opens a follow-up for a reply to a closed ticket, from the customer or an agent', () => {
    expect(routeReply({ ...ticket, status: 'closed' }, requester)).toEqual({ action: 'open-linked', link: 'follow-up' });
    expect(routeReply({ ...ticket, status: 'closed' }, agent)).toEqual({ action: 'open-linked', link: 'follow-up' });
  });

  it('never lets someone else add to the ticket', () => {
    expect(routeReply(ticket, { kind: 'customer', contactId: 'c-9', email: 'mallory@evil.test' })).toEqual({
      action: 'open-linked',
      link: 'other-sender',
    });
  });
});
