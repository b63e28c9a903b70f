import { randomUUID } from 'node:crypto';
import { shortLivedAgentToken } from '../../../../test/support/auth';
import { ChatClient, ChatUnderTest, clientId, startChat, VisitorClient } from '../../test/chat-under-test';
import type { MessageView } from '../protocol/protocol';

describe('limits and expiring tokens on the sockets (real Postgres and Kafka)', () => {
  let chat: ChatUnderTest;

  beforeAll(async () => {
    chat = await startChat({
      CHAT_MAX_MESSAGE_CHARS: '20',
      CHAT_MESSAGES_PER_SECOND: '1',
      CHAT_MESSAGE_BURST: '3',
      CHAT_MAX_OPEN_CONVERSATIONS: '1',
      CHAT_MAX_CONNECTIONS_PER_ADDRESS: '6',
    });
    await chat.agent((await chat.knownAgent({ chatCapacity: 100 })).id);
  });

  afterAll(async () => {
    await chat?.close();
  });

  const send = (visitor: VisitorClient, text: string, conversationId?: string) =>
    visitor.request<MessageView & { error?: { code: string } }>('message.send', { clientId: clientId(), text, conversationId });

  it('refuses a message over the size limit and messages past the rate, naming the limit', async () => {
    const visitor = await chat.visitor();
    expect(await send(visitor, 'x'.repeat(21))).toMatchObject({
      error: { code: 'message_too_large', message: expect.stringContaining('20 characters') },
    });
    const { conversationId } = await send(visitor, 'first');
    const answers = await Promise.all([1, 2, 3, 4].map((n) => send(visitor, `burst ${n}`, conversationId)));
    const refused = answers.filter((answer) => answer.error);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused[0]).toMatchObject({ error: { code: 'rate_limited', message: expect.stringContaining('messages per second') } });
    visitor.close();
  });

  it('refuses a conversation past the open conversations limit', async () => {
    const visitor = await chat.visitor();
    await send(visitor, 'open one');
    expect(await visitor.request('conversation.start', {})).toMatchObject({ error: { code: 'too_many_open_conversations' } });
    visitor.close();
  });

  it('asks an agent to renew its token before it expires, keeps a renewed connection and closes one that was not', async () => {
    const agentId = (await chat.knownAgent()).id;
    const renewing = await chat.agent(agentId, { token: shortLivedAgentToken(agentId, 3) });
    const lapsing = await chat.agent(agentId, { token: shortLivedAgentToken(agentId, 3) });
    await renewing.next('token_expiring');
    expect(await renewing.request('renew', { token: shortLivedAgentToken(agentId, 600) })).toEqual({ ok: true });
    expect(await renewing.request('renew', { token: shortLivedAgentToken(randomUUID(), 600) })).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    await lapsing.next('token_expiring');
    await lapsing.next('token_expired');
    await waitUntilDisconnected(lapsing);
    expect(renewing.socket.connected).toBe(true);
    expect(await renewing.request('queue.list')).toEqual({ entries: expect.any(Array) });
    await expect(chat.agent(agentId, { token: shortLivedAgentToken(agentId, -5) })).rejects.toMatchObject({
      data: { code: 'token_expired' },
    });
    await expect(chat.agent(agentId, { token: 'not-a-token' })).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
  });

  it('refuses connections past the limit per address', async () => {
    const refusal = await (async () => {
      for (let opened = 0; opened <= 6; opened += 1) {
        try {
          await chat.visitor();
        } catch (error) {
          return { opened, error };
        }
      }
      return null;
    })();
    expect(refusal).not.toBeNull();
    expect(refusal!.opened).toBeLessThanOrEqual(6);
    expect(refusal!.error).toMatchObject({ data: { code: 'too_many_connections', message: expect.stringContaining('per address') } });
  });
});

async function waitUntilDisconnected(client: ChatClient): Promise<void> {
  if (client.socket.disconnected) return;
  await new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
}
