import type { TicketLifecycleEvent } from '../tickets/ticket-lifecycle.service';
import type { TicketMessageEntity } from '../tickets/ticket-message.entity';
import type { TicketEntity } from '../tickets/ticket.entity';
import { ruleFactsOf, triggerOf } from './rule-facts';

const ticket = {
  subject: '[Portal credentials]',
  channel: 'email',
  requesterEmail: 'jane@acme.test',
  organizationId: 'org-1',
  priority: 'normal',
  categoryId: null,
  status: 'new',
  tags: ['vip'],
} as unknown as TicketEntity;

const messageEvent = (message: Partial<TicketMessageEntity>): TicketLifecycleEvent => ({
  kind: 'message_added',
  ticket,
  actor: { type: 'system' },
  message: { authorKind: 'requester', automatedKind: null, ...message } as TicketMessageEntity,
});

describe('triggerOf', () => {
  it('maps opened and changed tickets to their triggers', () => {
    expect(triggerOf({ kind: 'created', ticket, actor: { type: 'system' }, firstMessage: {} as TicketMessageEntity })).toBe(
      'ticket_created',
    );
    expect(triggerOf({ kind: 'updated', ticket, actor: { type: 'system' }, changes: [] })).toBe('ticket_updated');
  });

  it("counts only what a customer wrote as a message received, never an agent's, Helpgate's or a machine's", () => {
    expect(triggerOf(messageEvent({ authorKind: 'requester' }))).toBe('message_received');
    expect(triggerOf(messageEvent({ authorKind: 'cc' }))).toBe('message_received');
    expect(triggerOf(messageEvent({ authorKind: 'agent' }))).toBeNull();
    expect(triggerOf(messageEvent({ authorKind: 'system' }))).toBeNull();
    expect(triggerOf(messageEvent({ authorKind: 'requester', automatedKind: 'auto-reply' }))).toBeNull();
  });
});

describe('ruleFactsOf', () => {
  it("reads the ticket's fields and takes the event's text as the body, copying the tags", () => {
    const facts = ruleFactsOf(ticket, 'Please send my access');
    expect(facts).toEqual({
      subject: '[Portal credentials]',
      body: 'Please send my access',
      channel: 'email',
      requesterEmail: 'jane@acme.test',
      organizationId: 'org-1',
      priority: 'normal',
      categoryId: null,
      status: 'new',
      tags: ['vip'],
    });
    expect(facts.tags).not.toBe(ticket.tags);
  });
});
