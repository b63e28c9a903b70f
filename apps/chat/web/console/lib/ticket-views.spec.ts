import { noFilters, pageRange, ticketQuery } from './ticket-views';

describe('ticketQuery', () => {
  const page = { limit: 25, offset: 0 };
  const agent = '6f1c2b9e-8a0d-4a57-9d1e-2b3c4d5e6f70';

  it('asks for the agent’s unsolved tickets, the unsolved ones nobody has, or everything', () => {
    expect(new URLSearchParams(ticketQuery('mine', agent, noFilters, page)).get('assigneeId')).toBe(agent);
    expect(new URLSearchParams(ticketQuery('mine', agent, noFilters, page)).get('status')).toBe('new,open,pending,on-hold');
    expect(new URLSearchParams(ticketQuery('unassigned', agent, noFilters, page)).get('assigneeId')).toBe('none');
    const all = new URLSearchParams(ticketQuery('all', agent, noFilters, page));
    expect(all.has('assigneeId') || all.has('status')).toBe(false);
  });

  it('narrows a view with the filters, the search trimmed, the sort and the page', () => {
    const query = new URLSearchParams(
      ticketQuery(
        'unassigned',
        agent,
        { status: 'solved', priority: 'urgent', q: '  invoice  ', sort: 'number' },
        { limit: 10, offset: 20 },
      ),
    );
    expect(Object.fromEntries(query)).toEqual({
      assigneeId: 'none',
      status: 'solved',
      priority: 'urgent',
      q: 'invoice',
      sort: 'number',
      limit: '10',
      offset: '20',
    });
  });
});

describe('pageRange', () => {
  it('numbers the rows shown from one, and an empty page as nothing', () => {
    expect(pageRange({ offset: 25, shown: 25, total: 73 })).toEqual({ first: 26, last: 50, total: 73 });
    expect(pageRange({ offset: 0, shown: 0, total: 0 })).toEqual({ first: 0, last: 0, total: 0 });
  });
});
