import { aiAnswerTo, aiTurns, handedOver, handoverOf, requestsForAPerson, say } from '../../test/ai-conversations';
import { ChatClient, ChatUnderTest, clientId, startChat } from '../../test/chat-under-test';
import { DataSource } from 'typeorm';
import { eventually } from '../../../../test/support/infra';
import { undoMigrationsThrough } from '../../../../test/support/migrations';
import type { ConversationView, MessageView } from '../protocol/protocol';
import texts from '../visitor-texts/visitor-texts.json';

const systemMessages = (visitor: ChatClient, conversationId: string) =>
  visitor
    .received<MessageView>('message')
    .filter((message) => message.conversationId === conversationId && message.author === 'system')
    .map((message) => message.text);

describe('the built-in AI agent answers from the demo knowledge base and hands over (real Postgres and Kafka, socket.io)', () => {
  let chat: ChatUnderTest;
  let agent: ChatClient;

  beforeAll(async () => {
    chat = await startChat({ CHAT_AI_AGENT: 'builtin', CHAT_AI_MAX_LOW_CONFIDENCE: '2' });
    // Someone is there to answer, so handoffs enter the queue rather than the ticket path.
    const { id } = await chat.knownAgent({ chatCapacity: 100 });
    agent = await chat.agent(id);
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

  it('tells the visitor, in its language, that a person is being connected once the conversation is queued', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'posso parlare con un operatore?', { language: 'it' });
    await handedOver(chat, question.conversationId);
    await visitor.next<MessageView>('message', (message) => message.author === 'system');
    expect(systemMessages(visitor, question.conversationId)).toEqual([texts.it.connecting]);
  });

  it('lets an agent take a conversation over from the AI: the reason recorded, the whole conversation seen, the AI silent', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, 'How do I reset my password?');
    const answer = await aiAnswerTo(visitor, question);
    const { conversationId } = question;
    const { conversations } = await agent.request<{ conversations: ConversationView[] }>('conversations.with_ai');
    expect(conversations.find((listed) => listed.id === conversationId)).toMatchObject({ state: 'bot', lastSequence: 2 });

    const taken = await agent.request<ConversationView>('conversation.take_over', { conversationId });
    expect(taken).toMatchObject({ id: conversationId, state: 'assigned' });
    expect(await handoverOf(chat, conversationId)).toMatchObject({
      state: 'assigned',
      ai_handover_reason: 'agent_takeover',
      queue_reason: 'agent_takeover',
    });
    await visitor.next<ConversationView>('conversation.updated', (view) => view.id === conversationId && view.state === 'assigned');
    const { messages } = await agent.request<{ messages: MessageView[] }>('conversation.resume', { conversationId, afterSequence: 0 });
    expect(messages.map((message) => [message.author, message.text])).toEqual([
      ['visitor', 'How do I reset my password?'],
      ['ai', answer.text],
    ]);

    // Neither the agent's message nor the visitor's next one gets an answer from the AI.
    const droppedBefore = await aiTurns('dropped');
    await agent.request('message.send', { conversationId, clientId: clientId(), text: 'Hello, Alex here: which account is it?' });
    await say(visitor, 'The one for jane@acme.test', { conversationId });
    await eventually(async () => expect(await aiTurns('dropped')).toBe(droppedBefore + 1));
    const stored = await chat.database.query('SELECT author_kind FROM chat_messages WHERE conversation_id = $1 ORDER BY sequence', [
      conversationId,
    ]);
    expect(stored.rows.map((row: { author_kind: string }) => row.author_kind)).toEqual(['visitor', 'ai', 'agent', 'visitor']);

    // A conversation no longer with the AI cannot be taken over (again).
    expect(await agent.request('conversation.take_over', { conversationId })).toMatchObject({
      error: { code: 'not_with_ai', event: 'conversation.take_over' },
    });
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

  it('keeps takeovers through migration AgentTakeover1764000001410 down (reason forgotten) and up again', async () => {
    const dataSource = chat.app.get(DataSource);
    const reasons = async () =>
      (
        (await dataSource.query(`SELECT count(*)::int AS count FROM conversations WHERE ai_handover_reason = 'agent_takeover'`)) as {
          count: number;
        }[]
      )[0]!.count;
    expect(await reasons()).toBeGreaterThan(0);
    await undoMigrationsThrough(dataSource, 'AgentTakeover1764000001410');
    expect(await reasons()).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    const visitor = await chat.visitor();
    const question = await say(visitor, 'How do I reset my password?');
    await aiAnswerTo(visitor, question);
    expect(await agent.request('conversation.take_over', { conversationId: question.conversationId })).toMatchObject({ state: 'assigned' });
    expect(await reasons()).toBe(1);
  });
});

describe('the built-in AI agent with nobody to take the chat (real Postgres and Kafka, socket.io)', () => {
  let chat: ChatUnderTest;

  beforeAll(async () => {
    chat = await startChat({ CHAT_AI_AGENT: 'builtin', CHAT_LANGUAGES: 'en,es,cs' });
  });

  afterAll(async () => {
    await chat?.close();
  });

  it('offers the ticket path rather than a person, in the visitor’s language', async () => {
    const visitor = await chat.visitor();
    const question = await say(visitor, '¿Qué tiempo hará mañana en Lisboa?', { language: 'es' });
    expect((await aiAnswerTo(visitor, question)).text).toBe(`${texts.es.notSure} ${texts.es.offerTicket}`);
  });

  it('never says "connecting" when the visitor asks for a person: it says why nobody can, and takes the ticket path', async () => {
    const visitor = await chat.visitor();
    // No language from the browser: told from the request itself.
    const question = await say(visitor, 'Chci mluvit s člověkem, prosím');
    await visitor.next('email.required');
    expect(systemMessages(visitor, question.conversationId)).toEqual([texts.cs.noAgentAvailable]);
    expect(await handoverOf(chat, question.conversationId)).toMatchObject({ state: 'awaiting_email', ai_handover_reason: 'visitor_asked' });

    await visitor.request('visitor.identify', { conversationId: question.conversationId, email: 'jana@acme.test' });
    await visitor.next('escalated');
    expect(systemMessages(visitor, question.conversationId)).toEqual([
      texts.cs.noAgentAvailable,
      texts.cs.nowATicketTo.replace('{email}', 'jana@acme.test'),
    ]);
  });
});
