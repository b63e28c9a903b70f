import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { ChatClient, clientOf } from '../../apps/chat/test/chat-under-test';
import { agentToken } from '../support/auth';
import { eventually } from '../support/infra';
import { startStack, Stack } from '../support/stack';

interface MessageView {
  conversationId: string;
}

interface TicketPage {
  items: { id: string; channel: string; subject: string }[];
}

interface Ticket {
  channel: string;
  messages: { bodyText: string; author: { kind: string } }[];
}

interface ContactPage {
  items: { id: string }[];
}

interface TranscriptPage {
  items: { conversationId: string; outcome: string; agents: { name: string }[]; rating: { score: number } | null }[];
}

/**
 * Live chat through all four services as processes: a conversation nobody can take becomes a ticket with its
 * transcript, and one an agent closes ends up on the visitor's contact profile in identity.
 */
describe('chat to tickets and contact profiles (four processes, real socket.io, Kafka and Postgres)', () => {
  let stack: Stack;
  const sockets: ChatClient[] = [];

  const connect = async (namespace: '/visitor' | '/agent', auth: Record<string, unknown> = {}): Promise<ChatClient> => {
    const client = clientOf(io(`${stack.url.chat}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true }));
    sockets.push(client);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', () => resolve());
      client.socket.once('connect_error', reject);
    });
    return client;
  };

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await stack?.cleanUp();
  });

  it('turns a conversation nobody is online for into a ticket on channel chat, with the transcript as its first message', async () => {
    const visitor = await connect('/visitor');
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: randomUUID(), text: 'My invoice is wrong' });
    await visitor.next('email.required');
    expect(await visitor.request('visitor.identify', { conversationId, name: 'Vera Visitor', email: 'vera@visitor.test' })).toEqual({
      ok: true,
    });
    await visitor.next('escalated');

    const ticket = await eventually(async () => {
      const page = await stack.getJson<TicketPage>('tickets', '/tickets?requesterEmail=vera@visitor.test');
      expect(page.items).toHaveLength(1);
      return page.items[0]!;
    }, 60_000);
    expect(ticket).toMatchObject({ channel: 'chat', subject: 'Chat: My invoice is wrong' });
    const { messages } = await stack.getJson<Ticket>('tickets', `/tickets/${ticket.id}`);
    expect(messages[0]!.bodyText).toContain('My invoice is wrong');
    expect(messages[0]!.bodyText).toContain('Vera Visitor');
  });

  it('records the transcript of a conversation an agent answered and closed on the visitor’s contact profile', async () => {
    const created = await stack.fetch('identity', '/agents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'grace@helpgate.test', name: 'Grace Hopper', languages: ['en'], chatCapacity: 2 }),
    });
    expect(created.status).toBe(201);
    const { id: agentId } = (await created.json()) as { id: string };
    // chat learns the agent from identity.agent.changed.v1: until then it refuses the agent's connection.
    const agent = await eventually(() => connect('/agent', { token: agentToken('agent', agentId), status: 'available' }), 60_000);

    const visitor = await connect('/visitor');
    const { conversationId } = await visitor.request<MessageView>('message.send', { clientId: randomUUID(), text: 'Hello, anyone?' });
    expect(await visitor.request('visitor.identify', { conversationId, name: 'Olga Visitor', email: 'olga@visitor.test' })).toEqual({
      ok: true,
    });
    await agent.next<{ id: string }>('conversation.assigned', (conversation) => conversation.id === conversationId);
    await agent.request('message.send', { conversationId, clientId: randomUUID(), text: 'Hi Olga, how can I help?' });
    await visitor.next<{ text: string }>('message', (message) => message.text === 'Hi Olga, how can I help?');
    expect(await agent.request('conversation.close', { conversationId })).toMatchObject({ outcome: 'closed_by_agent' });

    const contactId = await eventually(async () => {
      const page = await stack.getJson<ContactPage>('identity', '/contacts?email=olga@visitor.test');
      expect(page.items).toHaveLength(1);
      return page.items[0]!.id;
    }, 60_000);
    const transcripts = await eventually(async () => {
      const page = await stack.getJson<TranscriptPage>('identity', `/contacts/${contactId}/chat-transcripts`);
      expect(page.items).toHaveLength(1);
      return page.items;
    }, 60_000);
    expect(transcripts[0]).toMatchObject({ conversationId, outcome: 'closed_by_agent', agents: [{ name: 'Grace Hopper' }] });
  });
});
