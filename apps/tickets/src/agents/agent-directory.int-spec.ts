import { randomUUID } from 'node:crypto';
import type { PageOf } from '@helpgate/platform';
import { Requester, Topics } from '@helpgate/contracts';
import { agentChanged } from '../../../../test/support/events';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import type { TicketDetailDto, TicketSummaryDto } from '../tickets/ticket.dto';

describe("tickets follow identity's agents (real Postgres and Kafka)", () => {
  let tickets: TicketsUnderTest;
  let jane: Requester;

  const open = () =>
    tickets.asAgentOk<TicketDetailDto>('POST', '/tickets', {
      requester: { contactId: jane.contactId },
      subject: 'Assign me',
      body: 'Please',
    });
  const assign = (ticketId: string, assigneeId: string | null) => tickets.asAgent('PATCH', `/tickets/${ticketId}`, { assigneeId });

  beforeAll(async () => {
    tickets = await startTickets();
    jane = await tickets.knownContact('jane@agents.test');
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('assigns only agents identity announced, showing their name in the ticket and in lists', async () => {
    const ticket = await open();
    const stranger = await assign(ticket.id, randomUUID());
    expect(stranger.status).toBe(422);
    expect(await stranger.json()).toMatchObject({ code: 'ticket.unknown_assignee', message: expect.stringContaining('identity') });
    expect(await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${ticket.id}`)).toMatchObject({ assigneeId: null, assignee: null });

    const grace = await tickets.knownAgent({ name: 'Grace Hopper' });
    const assigned = await assign(ticket.id, grace.id);
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ assigneeId: grace.id, assignee: { id: grace.id, name: 'Grace Hopper' } });
    const listed = await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?assigneeId=${grace.id}`);
    expect(listed.items.map((item) => item.assignee)).toEqual([{ id: grace.id, name: 'Grace Hopper' }]);
  });

  it('keeps the newest name, refuses deactivated agents for new assignments and keeps them on tickets they have', async () => {
    const ticket = await open();
    const renamed = agentChanged({ name: 'Linus Old' });
    const agentId = renamed.agent.id;
    const newer = agentChanged({ id: agentId, name: 'Linus New' });
    const older = { ...renamed, eventId: randomUUID(), occurredAt: new Date(Date.parse(newer.occurredAt) - 60_000).toISOString() };
    await tickets.handled(Topics.IdentityAgentChanged, agentId, renamed);
    await tickets.handled(Topics.IdentityAgentChanged, agentId, newer);
    await tickets.handled(Topics.IdentityAgentChanged, agentId, older);
    expect(await (await assign(ticket.id, agentId)).json()).toMatchObject({ assignee: { id: agentId, name: 'Linus New' } });

    const deactivated = agentChanged({ id: agentId, name: 'Linus New', active: false });
    await tickets.handled(Topics.IdentityAgentChanged, agentId, deactivated);
    expect(await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${ticket.id}`)).toMatchObject({
      assignee: { id: agentId, name: 'Linus New' },
    });
    const other = await open();
    const refused = await assign(other.id, agentId);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ code: 'ticket.inactive_assignee' });
    expect(await tickets.asAgentOk<TicketDetailDto>('PATCH', `/tickets/${ticket.id}`, { priority: 'high' })).toMatchObject({
      assigneeId: agentId,
    });
    expect(await (await assign(ticket.id, null)).json()).toMatchObject({ assigneeId: null, assignee: null });
  });
});
