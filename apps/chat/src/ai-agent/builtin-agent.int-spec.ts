import { aiAnswerTo, aiTurns, handedOver, handoverOf, requestsForAPerson, say } from '../../test/ai-conversations';
import { ChatUnderTest, startChat } from '../../test/chat-under-test';
import { eventually } from '../../../../test/support/infra';

describe('the built-in AI agent answers from the demo knowledge base and hands over (real Postgres and Kafka, socket.io)', () => {
  let chat: ChatUnderTest;

  beforeAll(async () => {
    chat = await startChat({ CHAT_AI_AGENT: 'builtin', CHAT_AI_MAX_LOW_CONFIDENCE: '2' });
    // Someone is there to answer, so handoffs enter the queue rather than the ticket path.
    const { id } = await chat.knownAgent({ chatCapacity: 100 });
    await chat.agent(id);
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('answers with the passage, the title and link of the article in the visitor’s detected language, marked as AI', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'Comment réinitialiser mon mot de passe oublié ?');
    const answer = await aiAnswerTo(visitor, question);
    expect(answer).toMatchObject({ author: 'ai', agentId: null });
    expect(answer.text).toContain('Source: Réinitialiser un mot de passe oublié — /help-center/articles/kb-password-reset?language=fr');
    expect(answer.text).toMatch(/mot de passe/);
    expect(await handoverOf(chat, question.conversationId)).toMatchObject({ state: 'bot', language: 'fr', ai_handover_reason: null });
  });

  it('keeps the browser’s language when the widget gives an enabled one', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'password reset', { language: 'it' });
    const answer = await aiAnswerTo(visitor, question);
    expect(answer.text).toContain('/help-center/articles/kb-password-reset?language=it');
    expect(answer.text).toContain('Fonte: Reimpostare una password dimenticata');
  });

  it.each(requestsForAPerson)('hands over when the visitor asks for a person in %s, recording why', async (_language, text) => {
    const visitor = await chat.visitor();
    const question = await say(visitor, text);
    const record = await handedOver(chat, question.conversationId);
    expect(record).toMatchObject({ ai_handover_reason: 'visitor_asked', queue_reason: 'visitor_request' });
    expect(['queued', 'assigned']).toContain(record.state);
  });

  it('answers a near-miss rather than handing over', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'how do I add a person to a group?');
    expect(await aiAnswerTo(visitor, question)).toMatchObject({ author: 'ai' });
    expect(await handoverOf(chat, question.conversationId)).toMatchObject({ state: 'bot', ai_handover_reason: null });
  });

  it('says it is not sure and offers a person, then hands over after two low-confidence answers in a row', async () => {
    const visitor = await chat.visitor();
    const first = await say(visitor, 'What will the weather be like in Lisbon tomorrow?');
    const unsure = await aiAnswerTo(visitor, first);
    expect(unsure.text).toContain('I am not sure our articles answer that. Would you like to talk to a person?');
    expect(await handoverOf(chat, first.conversationId)).toMatchObject({ state: 'bot', ai_handover_reason: null });

    const second = await say(visitor, 'Which pizza toppings do you recommend?', { conversationId: first.conversationId });
    await aiAnswerTo(visitor, second);
    expect(await handedOver(chat, first.conversationId)).toMatchObject({
      ai_handover_reason: 'low_confidence',
      queue_reason: 'ai_handover',
    });
  });

  it('stays silent once a person has the conversation', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'can I talk to a person');
    await eventually(async () => expect((await handoverOf(chat, question.conversationId)).state).toBe('assigned'));
    const droppedBefore = await aiTurns('dropped');
    const later = await say(visitor, 'Comment réinitialiser mon mot de passe oublié ?', { conversationId: question.conversationId });
    // The turn for that message ended without an answer (counted once chat looked at it)…
    await eventually(async () => expect(await aiTurns('dropped')).toBe(droppedBefore + 1));
    const stored = await chat.database.query('SELECT author_kind FROM chat_messages WHERE conversation_id = $1 ORDER BY sequence', [
      later.conversationId,
    ]);
    // …and nothing of the AI is in the conversation.
    expect(stored.rows.map((row: { author_kind: string }) => row.author_kind)).not.toContain('ai');
  });
});
