import { aiAnswerTo, aiTurns, handedOver, handoverOf, requestsForAPerson, say } from '../../../test/ai-conversations';
import { ChatCompletionsServer } from '../../../test/chat-completions-server';
import { ChatUnderTest, startChat } from '../../../test/chat-under-test';
import { eventually } from '../../../../../test/support/infra';
import type { ConversationView } from '../../protocol/protocol';

describe('the language-model AI agent against a local chat-completions server (real Postgres and Kafka, socket.io)', () => {
  const provider = new ChatCompletionsServer();
  let chat: ChatUnderTest;

  beforeAll(async () => {
    await provider.start();
    chat = await startChat({
      CHAT_AI_AGENT: 'llm',
      CHAT_LLM_URL: provider.url,
      CHAT_LLM_API_KEY: 'sk-test-secret-key',
      CHAT_LLM_MODEL: 'test-model',
      CHAT_LLM_TIMEOUT_MS: '700',
    });
    const { id } = await chat.knownAgent({ chatCapacity: 100 });
    await chat.agent(id);
  });

  afterAll(async () => {
    await chat?.close();
    await provider.stop();
  });

  const requestFor = (text: string) => provider.requests.find((request) => request.body.messages.at(-1)!.content === text);

  it('streams the answer as it is written, then stores it as the AI’s, grounded on the articles with their links', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'How do I reset my password?');
    const answer = await aiAnswerTo(visitor, question);
    expect(answer).toMatchObject({
      author: 'ai',
      text: 'To reset it, open the sign-in page and choose "Forgot password". Source: Reset your password',
    });
    const parts = visitor
      .received<{ clientId: string; index: number; part: string }>('message.partial')
      .filter((part) => part.clientId === answer.clientId)
      .sort((left, right) => left.index - right.index);
    expect(parts.map((part) => part.index)).toEqual([0, 1, 2]);
    expect(parts.map((part) => part.part).join('')).toBe(answer.text);

    const sent = requestFor('How do I reset my password?')!;
    expect(sent.authorization).toBe('Bearer sk-test-secret-key');
    expect(sent.body).toMatchObject({ model: 'test-model', stream: true });
    expect(sent.body.tools?.map((tool) => tool.function.name)).toEqual(['handoff_to_person']);
    expect(sent.body.messages[0]!.content).toContain('/help-center/articles/kb-password-reset?language=en');
    expect(sent.body.messages[0]!.content).toContain('"en"');
  });

  it('hands over when the model calls handoff_to_person', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'I need someone to look at my invoice');
    expect(await handedOver(chat, question.conversationId)).toMatchObject({
      ai_handover_reason: 'model_requested',
      queue_reason: 'ai_handover',
    });
  });

  it.each([
    ['a timeout', 'Are you slow today?'],
    ['a 429', 'Are you busy today?'],
    ['a 500', 'Are you broken today?'],
    ['a 401', 'Who am I talking to?'],
    ['a broken stream', 'Are you cut off today?'],
  ])('hands over on %s, telling the visitor', async (_failure, text) => {
    const visitor = await chat.visitor();
    const question = await say(visitor, text);
    expect(await aiAnswerTo(visitor, question)).toMatchObject({ author: 'ai', text: 'Sorry, I cannot answer right now.' });
    expect(await handedOver(chat, question.conversationId)).toMatchObject({
      ai_handover_reason: 'provider_failure',
      queue_reason: 'ai_handover',
    });
  });

  it.each(requestsForAPerson)('hands over on a request in %s before asking the model', async (_language, text) => {
    const visitor = await chat.visitor();
    const question = await say(visitor, text);
    expect(await handedOver(chat, question.conversationId)).toMatchObject({ ai_handover_reason: 'visitor_asked' });
    expect(requestFor(text)).toBeUndefined();
  });

  it('hands over after two answers the articles did not support', async () => {
    const visitor = await chat.visitor();
    const first = await say(visitor, 'Tell me about the moon');
    await aiAnswerTo(visitor, first);
    expect(await handoverOf(chat, first.conversationId)).toMatchObject({ state: 'bot', ai_handover_reason: null });
    const second = await say(visitor, 'Tell me about the sun', { conversationId: first.conversationId });
    await aiAnswerTo(visitor, second);
    expect(await handedOver(chat, first.conversationId)).toMatchObject({ ai_handover_reason: 'low_confidence' });
  });

  it('drops the answer it was writing when a person took the conversation meanwhile', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'How do I renew seats?');
    await visitor.next('message.partial', (part: { conversationId: string }) => part.conversationId === question.conversationId);
    const taken = await visitor.request<ConversationView>('person.request', { conversationId: question.conversationId });
    expect(['queued', 'assigned']).toContain(taken.state);
    const droppedBefore = await aiTurns('dropped');
    provider.finishHeld();
    await eventually(async () => expect(await aiTurns('dropped')).toBe(droppedBefore + 1));
    const stored = await chat.database.query('SELECT author_kind FROM chat_messages WHERE conversation_id = $1', [question.conversationId]);
    expect(stored.rows.map((row: { author_kind: string }) => row.author_kind)).not.toContain('ai');
  });
});
