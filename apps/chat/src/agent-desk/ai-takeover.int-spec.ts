import { aiAnswerTo, handoverOf, say } from '../../test/ai-conversations';
import { ChatUnderTest, clientId, startChat } from '../../test/chat-under-test';
import type { AgentConversationView, ConversationView, MessageView } from '../protocol/protocol';

describe('agents watch conversations the AI agent is having and take them over (real Postgres and Kafka, socket.io)', () => {
  let chat: ChatUnderTest;

  beforeAll(async () => {
    chat = await startChat({ CHAT_AI_AGENT: 'builtin' });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('lists the live AI conversations, streams a watched one to the watcher, and hands it to the agent who takes it over', async () => {
    const known = await chat.knownAgent({ chatCapacity: 1 });
    const ada = await chat.agent(known.id, { status: 'away' });
    const visitor = await chat.visitor();
    const question = await say(visitor, 'How do I reset my forgotten password?');
    await aiAnswerTo(visitor, question);

    const { conversations } = await ada.request<{ conversations: AgentConversationView[] }>('conversations.live');
    expect(conversations.find((c) => c.id === question.conversationId)).toMatchObject({
      state: 'bot',
      visitor: { id: visitor.visitorId, contactId: null },
    });
    const watched = await ada.request<{ conversation: ConversationView; messages: MessageView[] }>('conversation.watch', {
      conversationId: question.conversationId,
      watching: true,
    });
    expect(watched.messages.map((m) => m.author)).toEqual(['visitor', 'ai']);
    const followUp = await say(visitor, 'And if the reset mail never arrives?', { conversationId: question.conversationId });
    await ada.next<MessageView>('message', (m) => m.sequence === followUp.sequence && m.conversationId === question.conversationId);

    const taken = await ada.request<ConversationView>('conversation.takeover', { conversationId: question.conversationId });
    expect(taken).toMatchObject({ state: 'assigned', queueReason: 'agent_takeover', assignedAgent: { id: known.id } });
    expect(await visitor.next<ConversationView>('conversation.updated', (c) => c.state === 'assigned')).toMatchObject({
      assignedAgent: { id: known.id },
    });
    expect((await handoverOf(chat, question.conversationId)).state).toBe('assigned');
    const reply = await ada.request<MessageView>('message.send', {
      conversationId: question.conversationId,
      clientId: clientId(),
      text: 'Ada here, let me check.',
    });
    expect(await visitor.next<MessageView>('message', (m) => m.sequence === reply.sequence)).toMatchObject({ author: 'agent' });
    const { conversations: live } = await ada.request<{ conversations: AgentConversationView[] }>('conversations.live');
    expect(live.map((c) => c.id)).not.toContain(question.conversationId);

    // Taken once: no colleague takes it again, and a full agent takes no other.
    const bob = await chat.agent((await chat.knownAgent({ chatCapacity: 1 })).id, { status: 'away' });
    expect(await bob.request('conversation.takeover', { conversationId: question.conversationId })).toMatchObject({
      error: { code: 'not_with_ai_agent' },
    });
    const another = await say(await chat.visitor(), 'Where do I find my invoices?');
    expect(await ada.request('conversation.takeover', { conversationId: another.conversationId })).toMatchObject({
      error: { code: 'capacity_reached' },
    });
    await ada.request('conversation.watch', { conversationId: question.conversationId, watching: false });
  });
});
