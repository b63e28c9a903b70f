import { ChatClient, ChatUnderTest, clientId, startChat, VisitorClient } from '../../test/chat-under-test';
import type { AgentConversationView, ConversationView, MessageView, QueueEntryView } from '../protocol/protocol';

describe('the human queue: accept race, routing, capacity, transfer, grace period (real Postgres and Kafka)', () => {
  let chat: ChatUnderTest;
  let connected: ChatClient[] = [];

  beforeAll(async () => {
    chat = await startChat({ CHAT_AGENT_GRACE_SECONDS: '1', CHAT_PRESENCE_LEASE_SECONDS: '3' });
  });

  afterEach(async () => {
    // Agents and conversations of one test take no part in the next one's routing.
    for (const client of connected) client.close();
    connected = [];
    await chat.database.query(`DELETE FROM queue_entries`);
    await chat.database.query(`UPDATE conversations SET state = 'closed', outcome = 'abandoned', ended_at = now() WHERE state <> 'closed'`);
  });

  afterAll(async () => {
    await chat?.close();
  });

  const agent = async (options: { languages?: string[]; chatCapacity?: number; status?: 'available' | 'away' } = {}) => {
    const known = await chat.knownAgent({ languages: options.languages ?? ['en'], chatCapacity: options.chatCapacity ?? 2 });
    const client = await chat.agent(known.id, { status: options.status ?? 'available' });
    connected.push(client);
    return { ...known, client };
  };
  const converse = async (visitor: VisitorClient, text: string, language?: string) =>
    visitor.request<MessageView>('message.send', { clientId: clientId(), text, ...(language ? { language } : {}) });
  const stateOf = async (conversationId: string) =>
    (
      await chat.database.query<{ state: string; assigned_agent_id: string | null }>(
        'SELECT state, assigned_agent_id FROM conversations WHERE id = $1',
        [conversationId],
      )
    ).rows[0];

  it('lets exactly one of two agents accepting at the same moment win; the other is told', async () => {
    // Someone available but full keeps conversations waiting, so the two agents pull rather than get routed.
    await agent({ chatCapacity: 0 });
    const [ada, bob] = [await agent({ status: 'away' }), await agent({ status: 'away' })];
    const visitor = await chat.visitor();
    const { conversationId } = await converse(visitor, 'I need a person');
    const queued = await ada.client.next<QueueEntryView>('queue.added', (entry) => entry.conversationId === conversationId);
    expect(queued).toMatchObject({ reason: 'no_ai_agent', preview: 'I need a person' });
    await bob.client.next<QueueEntryView>('queue.added', (entry) => entry.conversationId === conversationId);

    type Answer = Partial<ConversationView> & { error?: unknown };
    const answers = await Promise.all([ada, bob].map(({ client }) => client.request<Answer>('conversation.accept', { conversationId })));
    const winners = answers.filter((answer) => answer.state === 'assigned');
    const losers = answers.filter((answer) => answer.error);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ error: expect.objectContaining({ code: 'already_accepted', event: 'conversation.accept' }) }]);
    const winner = winners[0]!.assignedAgent!.id;
    expect(await stateOf(conversationId)).toEqual({ state: 'assigned', assigned_agent_id: winner });
    expect(await visitor.next<ConversationView>('conversation.updated', (c) => c.state === 'assigned')).toMatchObject({
      assignedAgent: { id: winner },
    });
  });

  it('routes to an available agent speaking the language first, never beyond an agent’s capacity', async () => {
    const english = await agent({ languages: ['en'], chatCapacity: 1 });
    const italian = await agent({ languages: ['it'], chatCapacity: 1 });
    const swiss = await chat.visitor();
    const first = await converse(swiss, 'Buongiorno', 'it-CH');
    expect(await italian.client.next<ConversationView>('conversation.assigned', (c) => c.id === first.conversationId)).toMatchObject({
      language: 'it-CH',
    });

    const second = await converse(await chat.visitor(), 'Ciao', 'it');
    // The Italian speaker is full: anyone available takes it.
    await english.client.next<ConversationView>('conversation.assigned', (c) => c.id === second.conversationId);

    const third = await converse(await chat.visitor(), 'Hello?', 'en');
    const waiting = await chat.visitor();
    const fourth = await converse(waiting, 'Anyone?', 'en');
    expect(
      await waiting.next('queue.position', (p: { conversationId: string }) => p.conversationId === fourth.conversationId),
    ).toMatchObject({
      position: 2,
      teamLanguages: ['en', 'it'],
    });
    expect((await stateOf(third.conversationId))?.state).toBe('queued');
    const load = await chat.database.query<{ chats: number }>(
      `SELECT assigned_agent_id, count(*)::int AS chats FROM conversations WHERE state = 'assigned' AND assigned_agent_id = ANY($1) GROUP BY 1`,
      [[english.id, italian.id]],
    );
    expect(load.rows.map((row) => row.chats)).toEqual([1, 1]);
    expect(await english.client.request('conversation.accept', { conversationId: third.conversationId })).toMatchObject({
      error: { code: 'capacity_reached' },
    });

    // A chat closed frees room: the first in the queue is routed.
    await italian.client.request('conversation.close', { conversationId: first.conversationId });
    await italian.client.next<ConversationView>('conversation.assigned', (c) => c.id === third.conversationId);
  });

  it('transfers to a colleague and back to the queue; agents and visitor exchange messages, typing and read receipts', async () => {
    const ada = await agent({ chatCapacity: 1 });
    const visitor = await chat.visitor();
    const { conversationId } = await converse(visitor, 'Hi');
    await ada.client.next<ConversationView>('conversation.assigned', (c) => c.id === conversationId);
    const answer = await ada.client.request<MessageView>('message.send', { conversationId, clientId: clientId(), text: 'Hello, Ada here' });
    expect(await visitor.next<MessageView>('message', (m) => m.sequence === answer.sequence)).toMatchObject({
      author: 'agent',
      authorName: 'Alex Agent',
    });
    await visitor.request('typing', { conversationId, typing: true });
    expect(await ada.client.next('typing')).toEqual({ conversationId, typing: true });
    await ada.client.request('read', { conversationId, sequence: 1 });
    expect(await visitor.next('read')).toEqual({ conversationId, sequence: 1 });

    const bob = await agent({ chatCapacity: 1, status: 'away' });
    const transferred = await ada.client.request<ConversationView>('conversation.transfer', { conversationId, toAgentId: bob.id });
    expect(transferred).toMatchObject({ state: 'assigned', assignedAgent: { id: bob.id } });
    await bob.client.next<ConversationView>('conversation.assigned', (c) => c.id === conversationId);
    expect(await ada.client.request('message.send', { conversationId, clientId: clientId(), text: 'still me?' })).toMatchObject({
      error: { code: 'not_assigned_to_you' },
    });

    await ada.client.request('presence.set', { status: 'away' });
    const back = await bob.client.request<ConversationView>('conversation.transfer', { conversationId });
    expect(back).toMatchObject({ state: 'queued', queueReason: 'transfer' });
    expect(
      await ada.client.next<QueueEntryView>('queue.added', (e) => e.conversationId === conversationId && e.reason === 'transfer'),
    ).toBeTruthy();
  });

  it('lists the conversations an agent has, oldest first, each with its visitor, for a console opened again', async () => {
    const ada = await agent({ chatCapacity: 2 });
    const named = await chat.visitor();
    const first = await converse(named, 'Hi, Ada?');
    await ada.client.next<ConversationView>('conversation.assigned', (c) => c.id === first.conversationId);
    await named.request('visitor.identify', { conversationId: first.conversationId, name: 'Lin Visitor', email: 'lin@example.test' });
    const second = await converse(await chat.visitor(), 'Me too');
    await ada.client.next<ConversationView>('conversation.assigned', (c) => c.id === second.conversationId);
    const colleague = await agent({ chatCapacity: 1, status: 'away' });

    const { conversations } = await ada.client.request<{ conversations: AgentConversationView[] }>('conversations.mine');
    expect(conversations.map((c) => [c.id, c.state, c.visitor.name, c.visitor.email])).toEqual([
      [first.conversationId, 'assigned', 'Lin Visitor', 'lin@example.test'],
      [second.conversationId, 'assigned', null, null],
    ]);
    expect(conversations[0]!.visitor).toMatchObject({ id: named.visitorId, contactId: null });
    expect(await colleague.client.request('conversations.mine')).toEqual({ conversations: [] });

    await ada.client.request('conversation.close', { conversationId: first.conversationId });
    const { conversations: left } = await ada.client.request<{ conversations: AgentConversationView[] }>('conversations.mine');
    expect(left.map((c) => c.id)).toEqual([second.conversationId]);
  });

  it('gives the chats of an agent whose connection dropped back to the front of the queue after the grace period', async () => {
    await agent({ chatCapacity: 0 });
    const ada = await agent({ chatCapacity: 1 });
    const early = await converse(await chat.visitor(), 'waiting first');
    const { conversationId } = await converse(await chat.visitor(), 'mine');
    const taken = await ada.client.next<ConversationView>('conversation.assigned');
    expect([early.conversationId, conversationId]).toContain(taken.id);
    ada.client.close();
    const watcher = await agent({ status: 'away' });
    const requeued = await watcher.client.next<QueueEntryView>('queue.added', (e) => e.conversationId === taken.id);
    expect(requeued).toMatchObject({ reason: 'agent_disconnected', position: 1 });
    const { entries } = await watcher.client.request<{ entries: QueueEntryView[] }>('queue.list');
    expect(entries[0]).toMatchObject({ conversationId: taken.id, position: 1 });
  });
});
