import { ChatClient, ChatUnderTest, clientId, startChat } from '../../test/chat-under-test';
import type { ConversationView, MessageView } from '../protocol/protocol';

describe('visitors chat: conversations, messages and resume (real Postgres and Kafka, socket.io clients)', () => {
  let chat: ChatUnderTest;
  let agent: ChatClient;

  beforeAll(async () => {
    chat = await startChat();
    // Someone is there to answer, so conversations enter the queue rather than the ticket path.
    const { id } = await chat.knownAgent({ chatCapacity: 100 });
    agent = await chat.agent(id);
  });

  afterAll(async () => {
    await chat?.close();
  });

  const send = (visitor: { request: (event: string, payload: unknown) => Promise<unknown> }, payload: Record<string, unknown>) =>
    visitor.request('message.send', { clientId: clientId(), ...payload }) as Promise<MessageView>;

  it('stores a message once whatever the number of sends with its client id, numbering messages in order', async () => {
    const visitor = await chat.visitor();
    const first = await send(visitor, { text: 'Hello' });
    expect(first).toMatchObject({ sequence: 1, author: 'visitor', text: 'Hello' });
    const again = { conversationId: first.conversationId, clientId: clientId(), text: 'Second' };
    const [a, b] = await Promise.all([visitor.request('message.send', again), visitor.request('message.send', again)]);
    expect(a).toEqual(b);
    expect((a as MessageView).sequence).toBe(2);
    const stored = await chat.database.query('SELECT sequence, text FROM chat_messages WHERE conversation_id = $1 ORDER BY sequence', [
      first.conversationId,
    ]);
    expect(stored.rows).toEqual([
      { sequence: 1, text: 'Hello' },
      { sequence: 2, text: 'Second' },
    ]);
  });

  it('stores messages sent at the same moment to several conversations each once, numbered in the order sent, and refuses one to a stranger', async () => {
    const [ada, bob] = [await chat.visitor(), await chat.visitor()];
    const adaFirst = await send(ada, { text: 'Ada here' });
    const bobFirst = await send(bob, { text: 'Bob here' });

    // One event-loop turn of the service: these go together, as one batch.
    const [second, third, fourth, bobSecond, intrusion] = await Promise.all([
      send(ada, { conversationId: adaFirst.conversationId, text: 'second' }),
      send(ada, { conversationId: adaFirst.conversationId, text: 'third' }),
      send(ada, { conversationId: adaFirst.conversationId, text: 'fourth' }),
      send(bob, { conversationId: bobFirst.conversationId, text: 'Bob again' }),
      send(bob, { conversationId: adaFirst.conversationId, text: 'not mine' }),
    ]);

    expect([second, third, fourth].map((message) => message.sequence)).toEqual([2, 3, 4]);
    expect(bobSecond).toMatchObject({ conversationId: bobFirst.conversationId, sequence: 2, text: 'Bob again' });
    expect(intrusion).toMatchObject({ error: { code: 'conversation_not_found' } });
    const stored = await chat.database.query(
      'SELECT conversation_id, sequence, text FROM chat_messages WHERE conversation_id = ANY($1) ORDER BY conversation_id = $2 DESC, sequence',
      [[adaFirst.conversationId, bobFirst.conversationId], adaFirst.conversationId],
    );
    expect(stored.rows.map((row: { sequence: number; text: string }) => [row.sequence, row.text])).toEqual([
      [1, 'Ada here'],
      [2, 'second'],
      [3, 'third'],
      [4, 'fourth'],
      [1, 'Bob here'],
      [2, 'Bob again'],
    ]);
  });

  it('resumes after a reconnect with exactly what the client missed, in order, with the same conversation token', async () => {
    const visitor = await chat.visitor();
    const first = await send(visitor, { text: 'one' });
    const conversationId = first.conversationId;
    for (const text of ['two', 'three']) await send(visitor, { conversationId, text });
    visitor.close();

    const other = await chat.visitor();
    await send(other, { text: 'unrelated' });
    const again = await chat.visitor({ visitorToken: visitor.visitorToken });
    expect(again.visitorId).toBe(visitor.visitorId);
    const missed = await again.request<{ conversation: ConversationView; messages: MessageView[] }>('conversation.resume', {
      conversationId,
      afterSequence: 1,
    });
    expect(missed.messages.map((m) => [m.sequence, m.text])).toEqual([
      [2, 'two'],
      [3, 'three'],
    ]);
    expect(missed.conversation).toMatchObject({ id: conversationId, lastSequence: 3 });
    const nothing = await again.request<{ messages: MessageView[] }>('conversation.resume', { conversationId, afterSequence: 3 });
    expect(nothing.messages).toEqual([]);
    // Another visitor's conversation answers as missing.
    expect(await other.request('conversation.resume', { conversationId, afterSequence: 0 })).toMatchObject({
      error: { code: 'conversation_not_found' },
    });
  });

  it('shows another tab the messages of the same visitor live, and the sending tab only its acknowledgement', async () => {
    const tab = await chat.visitor();
    const otherTab = await chat.visitor({ visitorToken: tab.visitorToken });
    const sent = await send(tab, { text: 'from the first tab' });
    expect(
      await otherTab.next<MessageView>('message', (m) => m.sequence === sent.sequence && m.conversationId === sent.conversationId),
    ).toMatchObject({ text: 'from the first tab' });
    // Each socket gets its events in the order they were emitted: by the time the other tab's message reaches the
    // first tab, a copy of the first tab's own message would have arrived before it.
    const answer = await send(otherTab, { conversationId: sent.conversationId, text: 'from the other tab' });
    await tab.next<MessageView>('message', (m) => m.sequence === answer.sequence);
    expect(tab.received<MessageView>('message').map((m) => m.text)).toEqual(['from the other tab']);
  });

  it('lists every conversation, and a message after a close starts a new conversation linked to the closed one', async () => {
    const visitor = await chat.visitor();
    const first = await send(visitor, { text: 'first question' });
    const closed = await visitor.request<ConversationView>('conversation.close', { conversationId: first.conversationId });
    expect(closed).toMatchObject({ state: 'closed' });
    const next = await send(visitor, { conversationId: first.conversationId, text: 'one more thing' });
    expect(next.conversationId).not.toBe(first.conversationId);
    expect(next.sequence).toBe(1);
    await agent.next<ConversationView>('conversation.assigned', (c) => c.id === next.conversationId);
    const { conversations } = await visitor.request<{ conversations: ConversationView[] }>('conversations.list');
    expect(conversations.map((c) => [c.id, c.state, c.previousConversationId])).toEqual([
      [next.conversationId, 'assigned', first.conversationId],
      [first.conversationId, 'closed', null],
    ]);
    const reopened = await chat.database.query('SELECT state FROM conversations WHERE id = $1', [first.conversationId]);
    expect(reopened.rows).toEqual([{ state: 'closed' }]);
  });

  it('serves the protocol document next to the OpenAPI one', async () => {
    const document = (await (await fetch(`${chat.baseUrl}/asyncapi.json`)).json()) as {
      asyncapi: string;
      channels: Record<string, { address: string }>;
    };
    expect(document.asyncapi).toBe('3.0.0');
    expect(Object.values(document.channels).map((channel) => channel.address)).toEqual(['/visitor', '/agent']);
  });

  it('stores text exactly as sent', async () => {
    const visitor = await chat.visitor();
    const text = '<script>alert("x")</script> & <b>bold</b>';
    expect(await send(visitor, { text })).toMatchObject({ text });
  });

  it('refuses malformed and unknown events with an error event, and unknown tokens at connection', async () => {
    const visitor = await chat.visitor();
    expect(await visitor.request('message.send', { text: 42 })).toMatchObject({ error: { code: 'invalid_event', event: 'message.send' } });
    expect(await visitor.next('error', (e: { event?: string }) => e.event === 'message.send')).toMatchObject({ code: 'invalid_event' });
    visitor.socket.emit('no.such.event', {});
    expect(await visitor.next('error', (e: { event?: string }) => e.event === 'no.such.event')).toMatchObject({ code: 'invalid_event' });
    expect(await send(visitor, { text: 'still connected' })).toMatchObject({ sequence: 1 });
    await expect(chat.visitor({ visitorToken: 'hgv1.forged.token' })).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  });
});
