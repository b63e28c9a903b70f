import { ChatUnderTest, clientId, startChat } from '../../test/chat-under-test';
import type { ConversationView, MessageView, QueueEntryView } from '../protocol/protocol';

describe.each([
  ['Postgres', {}],
  ['Redis', { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }],
])('two chat instances sharing rooms through the %s adapter', (_adapter, env) => {
  let first: ChatUnderTest;
  let second: ChatUnderTest;

  beforeAll(async () => {
    first = await startChat(env);
    second = await startChat(env, first);
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('shares the queue and presence, and relays messages between a visitor on one and an agent on the other', async () => {
    const full = await first.knownAgent({ chatCapacity: 0 });
    await first.agent(full.id);
    const watcher = await first.agent((await first.knownAgent()).id, { status: 'away' });
    const visitor = await second.visitor();
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: clientId(), text: 'Across instances' });
    // Agents hear of the new conversation on whichever instance they are connected to.
    await watcher.next<QueueEntryView>('queue.added', (entry) => entry.conversationId === conversationId);
    const agent = await second.knownAgent();
    const onSecond = await second.agent(agent.id, { status: 'away' });
    expect(await watcher.next('presence', (p: { agentId: string }) => p.agentId === agent.id)).toEqual({
      agentId: agent.id,
      status: 'away',
    });
    const queueSeenByEach = await Promise.all(
      [watcher, onSecond].map((client) => client.request<{ entries: QueueEntryView[] }>('queue.list')),
    );
    expect(queueSeenByEach[0]).toEqual(queueSeenByEach[1]);
    expect(queueSeenByEach[0]!.entries.map((entry) => entry.conversationId)).toEqual([conversationId]);

    expect(await watcher.request<ConversationView>('conversation.accept', { conversationId })).toMatchObject({ state: 'assigned' });
    expect(await visitor.next<ConversationView>('conversation.updated', (c) => c.state === 'assigned')).toMatchObject({
      id: conversationId,
    });
    const answer = await watcher.request<MessageView>('message.send', {
      conversationId,
      clientId: clientId(),
      text: 'Answered from the first',
    });
    expect(await visitor.next<MessageView>('message', (m) => m.sequence === answer.sequence)).toMatchObject({
      text: 'Answered from the first',
    });
    const reply = await visitor.request<MessageView>('message.send', {
      conversationId,
      clientId: clientId(),
      text: 'Thanks, from the second',
    });
    expect(await watcher.next<MessageView>('message', (m) => m.sequence === reply.sequence)).toMatchObject({ author: 'visitor' });
  });
});
