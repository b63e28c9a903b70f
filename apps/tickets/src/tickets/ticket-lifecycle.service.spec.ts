import type { TicketActor } from '@helpgate/contracts';
import type { EntityManager } from 'typeorm';
import { systemMessage } from './messages-without-mail';
import { TicketLifecycleService, TicketLifecycleEvent } from './ticket-lifecycle.service';
import type { TicketMessageEntity } from './ticket-message.entity';
import type { TicketEntity } from './ticket.entity';
import { TicketWork } from './ticket-work';
import type { TicketCcsRepository } from './ticket-ccs.repository';
import type { TicketsRepository } from './tickets.repository';

function newTicket(): TicketEntity {
  const now = new Date();
  return {
    id: '3f2b8c1e-9d4a-4b6e-8f00-1a2b3c4d5e6f',
    number: 1,
    subject: 'Cannot sign in',
    status: 'new',
    priority: 'normal',
    channel: 'email',
    requesterContactId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    requesterEmail: 'jane@acme.test',
    requesterName: 'Jane',
    organizationId: '6f1c0a52-3a7b-4c1e-9d4f-2b8e7a6c5d4e',
    organizationName: 'Acme',
    categoryId: null,
    category: null,
    assigneeId: null,
    tags: [],
    supportAddress: null,
    linkedTicketId: null,
    linkKind: null,
    createdAt: now,
    updatedAt: now,
    firstResponseAt: null,
    solvedAt: null,
  } as unknown as TicketEntity;
}

/** The lifecycle over an in-memory stand-in for its repository: what it hands its reactions. */
function lifecycleInMemory() {
  const tickets = {
    update: async (ticket: TicketEntity, fields: Partial<TicketEntity>) => void Object.assign(ticket, fields),
    addMessages: async (additions: { message: object }[]) =>
      additions.map(
        ({ message }, index) =>
          ({ id: `c0ffee00-0000-4000-8000-0000000000a${index}`, createdAt: new Date(), ...message }) as TicketMessageEntity,
      ),
    reloadCategory: async () => undefined,
  } as unknown as TicketsRepository;
  const work = new TicketWork({} as EntityManager);
  return { lifecycle: new TicketLifecycleService(tickets, {} as TicketCcsRepository), work };
}

const rule: TicketActor = { type: 'rule', id: 'c0ffee00-0000-4000-8000-000000000001' };
const agent: TicketActor = { type: 'agent', id: 'c0ffee00-0000-4000-8000-000000000002' };

describe('TicketLifecycleService reactions', () => {
  it('hands a reaction what agents, customers and Helpgate do, never what a rule does', async () => {
    const { lifecycle, work } = lifecycleInMemory();
    const seen: string[] = [];
    lifecycle.addReaction({ react: async (event) => void seen.push(`${event.kind}:${event.actor.type}`) });
    const ticket = newTicket();

    await lifecycle.change(ticket, { priority: 'high' }, agent, work);
    await lifecycle.addMessage(
      ticket,
      systemMessage({ authorName: 'Helpgate', visibility: 'internal', direction: 'inbound', bodyText: 'x' }),
      { type: 'system' },
      work,
    );
    await lifecycle.change(ticket, { priority: 'low' }, rule, work);
    await lifecycle.addMessage(
      ticket,
      systemMessage({ authorName: 'Rule', visibility: 'internal', direction: 'outbound', bodyText: 'y' }),
      rule,
      work,
    );

    expect(seen).toEqual(['updated:agent', 'message_added:system']);
  });

  it('stops two reactions that would answer each other: what they do as a rule reaches neither', async () => {
    const { lifecycle, work } = lifecycleInMemory();
    const reacted: TicketLifecycleEvent[] = [];
    const record = (event: TicketLifecycleEvent) => {
      if (reacted.length > 10) throw new Error('the reactions are answering each other');
      reacted.push(event);
    };
    // One raises the priority on any change, the other lowers it: without the rule actor stopping them, endless.
    lifecycle.addReaction({
      react: async (event, reactionWork) => {
        record(event);
        await lifecycle.change(event.ticket, { priority: 'urgent' }, rule, reactionWork);
      },
    });
    lifecycle.addReaction({
      react: async (event, reactionWork) => {
        record(event);
        await lifecycle.change(event.ticket, { priority: 'low' }, rule, reactionWork);
      },
    });
    const ticket = newTicket();

    await lifecycle.change(ticket, { tags: ['vip'] }, agent, work);

    expect(reacted.map((event) => event.actor.type)).toEqual(['agent', 'agent']);
    expect(ticket.priority).toBe('low');
  });
});
