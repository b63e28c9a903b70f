import { randomUUID } from 'node:crypto';
import { Topics } from '@helpgate/contracts';
import { contactToken } from '../../../../test/support/auth';
import { contactChanged } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { ChatUnderTest, clientId, startChat } from '../../test/chat-under-test';
import type { ConversationView, MessageView } from '../protocol/protocol';

describe('escalation to tickets and transcripts (real Postgres and Kafka)', () => {
  let chat: ChatUnderTest;

  beforeAll(async () => {
    chat = await startChat();
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('with nobody online, asks the visitor for an email, then publishes the escalation with the transcript and tells the visitor', async () => {
    const visitor = await chat.visitor();
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'My invoice is wrong' });
    expect(await visitor.next('email.required')).toEqual({ conversationId, reason: 'no_agent_available' });
    expect(await visitor.next<ConversationView>('conversation.updated', (c) => c.state === 'awaiting_email')).toMatchObject({
      id: conversationId,
    });

    expect(await visitor.request('visitor.identify', { conversationId, name: 'Jane Doe', email: 'jane@acme.test' })).toEqual({ ok: true });
    expect(await visitor.next('escalated')).toEqual({ conversationId, reason: 'no_agent_available', email: 'jane@acme.test' });
    const [identified] = await eventually(() => {
      const events = chat.published(Topics.ChatVisitorIdentified, conversationId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(identified!.visitor).toEqual({ visitorId: visitor.visitorId, email: 'jane@acme.test', name: 'Jane Doe' });
    const [escalated] = await eventually(() => {
      const events = chat.published(Topics.ChatConversationEscalated, conversationId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(escalated!.visitor).toMatchObject({ visitorId: visitor.visitorId, email: 'jane@acme.test' });
    expect(escalated!.escalation).toMatchObject({ reason: 'no_agent_available', subject: 'Chat: My invoice is wrong', files: [] });
    expect(escalated!.escalation.transcript.map((entry) => [entry.sequence, entry.author, entry.authorName])).toEqual([
      [1, 'visitor', 'Jane Doe'],
      [2, 'system', 'Helpgate'],
      [3, 'system', 'Helpgate'],
    ]);
    expect(escalated!.escalation.transcript[2]!.text).toContain('by mail to jane@acme.test');
    // Nobody reached a person: no transcript for the contact's profile.
    expect(chat.published(Topics.ChatTranscriptRecorded, conversationId)).toEqual([]);
  });

  it('records the transcript of a conversation closed by its agent, with the visitor’s rating shown to the agent', async () => {
    const known = await chat.knownAgent({ name: 'Grace Hopper' });
    const agent = await chat.agent(known.id);
    const visitor = await chat.visitor();
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'Hello' });
    await agent.next<ConversationView>('conversation.assigned', (c) => c.id === conversationId);
    await agent.request('message.send', { conversationId, clientId: clientId(), text: 'How can I help?' });
    expect(await agent.request('conversation.close', { conversationId })).toMatchObject({ state: 'closed', outcome: 'closed_by_agent' });
    expect(await visitor.request('conversation.rate', { conversationId, score: 5, comment: 'Quick!' })).toEqual({ ok: true });
    expect(await agent.next('conversation.rated')).toEqual({ conversationId, score: 5, comment: 'Quick!' });
    expect(await visitor.request('conversation.rate', { conversationId, score: 1 })).toMatchObject({ error: { code: 'already_rated' } });

    const [recorded] = await eventually(() => {
      const events = chat.published(Topics.ChatTranscriptRecorded, conversationId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(recorded).toMatchObject({ outcome: 'closed_by_agent', agents: [{ id: known.id, name: 'Grace Hopper' }] });
    expect(recorded!.transcript.map((entry) => [entry.author, entry.text])).toEqual([
      ['visitor', 'Hello'],
      ['agent', 'How can I help?'],
    ]);
    const metrics = await (await fetch(`${chat.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/helpgate_chat_conversations_ended_total\{outcome="closed_by_agent"\} [1-9]/);
    expect(metrics).toMatch(/helpgate_chat_ratings_total\{score="5"\} [1-9]/);
    expect(metrics).toMatch(/helpgate_chat_handoffs_total\{reason="no_ai_agent"\} [1-9]/);
    agent.close();
  });

  it('turns a conversation into a ticket when its agent chooses, naming the agent', async () => {
    const known = await chat.knownAgent();
    const agent = await chat.agent(known.id);
    const contact = {
      contactId: randomUUID(),
      email: 'sam@acme.test',
      name: 'Sam',
      organizationId: randomUUID(),
      organizationName: 'Acme',
    };
    await chat.handled(Topics.IdentityContactChanged, contact.contactId, contactChanged(contact));
    const visitor = await chat.visitor({ contactToken: contactToken(contact.contactId) });
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'Complicated' });
    await agent.next<ConversationView>('conversation.assigned', (c) => c.id === conversationId);
    expect(await agent.request('conversation.escalate', { conversationId })).toMatchObject({ state: 'escalated', outcome: 'escalated' });
    const [escalated] = await eventually(() => {
      const events = chat.published(Topics.ChatConversationEscalated, conversationId);
      expect(events).toHaveLength(1);
      return events;
    });
    expect(escalated).toMatchObject({
      visitor: { contactId: contact.contactId, email: 'sam@acme.test', name: 'Sam' },
      escalation: { reason: 'agent_choice', agentId: known.id },
    });
    await eventually(() => expect(chat.published(Topics.ChatTranscriptRecorded, conversationId)).toMatchObject([{ outcome: 'escalated' }]));
    agent.close();
  });
});

describe('handoff only within business hours and under a support contract', () => {
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  let chat: ChatUnderTest;

  beforeAll(async () => {
    // Today and tomorrow are holidays: the team is away, whatever the hour.
    chat = await startChat({ CHAT_HOLIDAYS: `${day(0)},${day(1)}`, CHAT_REQUIRE_SUPPORT_CONTRACT: 'true' });
    await chat.agent((await chat.knownAgent()).id);
  });

  afterAll(async () => {
    await chat?.close();
  });

  const signedInVisitor = async (supportContractActiveUntil: string | null) => {
    const organization = { id: randomUUID(), name: 'Acme', supportContractActiveUntil };
    const changed = { eventId: randomUUID(), occurredAt: new Date().toISOString(), organization };
    await chat.handled(Topics.IdentityOrganizationChanged, organization.id, changed);
    const contact = {
      contactId: randomUUID(),
      email: `${randomUUID()}@acme.test`,
      name: 'Kim',
      organizationId: organization.id,
      organizationName: 'Acme',
    };
    await chat.handled(Topics.IdentityContactChanged, contact.contactId, contactChanged(contact));
    return chat.visitor({ contactToken: contactToken(contact.contactId) });
  };

  it('offers visitors without an active contract the ticket path, telling them why', async () => {
    const visitor = await signedInVisitor(day(-1));
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'Help' });
    expect(await visitor.next('escalated')).toMatchObject({ conversationId, reason: 'no_support_contract' });
    expect(await visitor.next<MessageView>('message', (m) => m.author === 'system' && m.sequence === 2)).toMatchObject({
      text: expect.stringContaining('support contract'),
    });
    await eventually(() =>
      expect(chat.published(Topics.ChatConversationEscalated, conversationId)).toMatchObject([
        { escalation: { reason: 'no_support_contract' } },
      ]),
    );
  });

  it('outside business hours, escalates a visitor under contract and says so', async () => {
    const visitor = await signedInVisitor(day(30));
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'Help' });
    expect(await visitor.next('escalated')).toMatchObject({ conversationId, reason: 'outside_business_hours' });
    expect(await visitor.next<MessageView>('message', (m) => m.author === 'system' && m.sequence === 2)).toMatchObject({
      text: expect.stringContaining('away right now'),
    });
  });
});
