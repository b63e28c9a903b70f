import type { TicketActor } from '@helpgate/contracts';
import type { EntityManager } from 'typeorm';
import { systemMessage } from './messages-without-mail';
import { TicketLifecycleService, TicketLifecycleEvent } from './ticket-lifecycle.service';
import type { TicketMessageEntity } from './ticket-message.entity';
import type { TicketEntity } from './ticket.entity';
import { TicketWork } from './ticket-work';
import type { TicketCcsRepository } from './ticket-ccs.repository';
import type { TicketsRepository } from './tickets.repository';
import { ticketEntity } from '../../test/ticket-fixtures';

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
    const ticket = ticketEntity();

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
    const ticket = ticketEntity();

    await lifecycle.change(ticket, { tags: ['vip'] }, agent, work);

    expect(reacted.map((event) => event.actor.type)).toEqual(['agent', 'agent']);
    expect(ticket.priority).toBe('low');
  });
});
