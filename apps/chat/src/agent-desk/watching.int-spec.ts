import { aiAnswerTo, say } from '../../test/ai-conversations';
import { ChatUnderTest, startChat } from '../../test/chat-under-test';
import type { AgentConversationView, ConversationView, MessageView } from '../protocol/protocol';

describe('agents watch conversations they do not have (real Postgres and Kafka, socket.io)', () => {
  let chat: ChatUnderTest;

  beforeAll(async () => {
    chat = await startChat({ CHAT_AI_AGENT: 'builtin' });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('streams a watched AI conversation to the watcher until it stops, and the taken-over one is listed as the agent’s own', async () => {
    const known = await chat.knownAgent({ chatCapacity: 1 });
    const ada = await chat.agent(known.id, { status: 'away' });
    const visitor = await chat.visitor();
    const question = await say(visitor, 'How do I reset my forgotten password?');
    await aiAnswerTo(visitor, question);
    const { conversationId } = question;

    const watched = await ada.request<{ conversation: ConversationView; messages: MessageView[] }>('conversation.watch', {
      conversationId,
      watching: true,
    });
    expect(watched.conversation).toMatchObject({ id: conversationId, state: 'bot' });
    expect(watched.messages.map((m) => m.author)).toEqual(['visitor', 'ai']);
    const followUp = await say(visitor, 'And if the reset mail never arrives?', { conversationId });
    await ada.next<MessageView>('message', (m) => m.conversationId === conversationId && m.sequence === followUp.sequence);
    await aiAnswerTo(visitor, followUp);
    await ada.next<MessageView>('message', (m) => m.conversationId === conversationId && m.clientId === `ai:${followUp.sequence}`);

    await ada.request('conversation.take_over', { conversationId });
    const { conversations } = await ada.request<{ conversations: AgentConversationView[] }>('conversations.mine');
    expect(conversations).toEqual([
      expect.objectContaining({ id: conversationId, state: 'assigned', visitor: expect.objectContaining({ id: visitor.visitorId }) }),
    ]);

    await ada.request('conversation.watch', { conversationId, watching: false });
    await ada.request('conversation.close', { conversationId });
    const other = await chat.visitor();
    const watcher = await chat.agent((await chat.knownAgent()).id, { status: 'away' });
    const second = await say(other, 'Where do I find my invoices?');
    await watcher.request('conversation.watch', { conversationId: second.conversationId, watching: true });
    await watcher.request('conversation.watch', { conversationId: second.conversationId, watching: false });
    const after = await say(other, 'Hello?', { conversationId: second.conversationId });
    // Stopped watching: the next message is not sent to the former watcher (given the time a delivery takes).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      watcher.received<MessageView>('message').filter((m) => m.sequence === after.sequence && m.conversationId === second.conversationId),
    ).toEqual([]);
  });
});
