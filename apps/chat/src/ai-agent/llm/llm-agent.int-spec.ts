import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { aiAnswerTo, aiTurns, handedOver, handoverOf, requestsForAPerson, say } from '../../../test/ai-conversations';
import { ChatUnderTest, startChat } from '../../../test/chat-under-test';
import { eventually } from '../../../../../test/support/infra';
import type { ConversationView } from '../../protocol/protocol';

interface CompletionRequest {
  authorization: string | undefined;
  body: { model: string; stream: boolean; messages: { role: string; content: string }[]; tools?: { function: { name: string } }[] };
}

const chunk = (delta: object) => `data: ${JSON.stringify({ choices: [{ index: 0, delta }] })}\n\n`;

/**
 * A local server speaking the chat-completions streaming protocol; what it does depends on the visitor's newest
 * message (the last `user` message), so each test picks its provider behaviour by what the visitor says.
 */
class FakeProvider {
  readonly requests: CompletionRequest[] = [];
  private server!: Server;
  private release: (() => void) | null = null;
  private readonly behaviours: Record<string, (response: ServerResponse) => void> = {
    'How do I reset my password?': (response) =>
      this.stream(response, ['To reset it, open the sign-in page ', 'and choose "Forgot password". ', 'Source: Reset your password']),
    'Tell me about the moon': (response) => this.stream(response, ['The articles do not answer that.']),
    'Tell me about the sun': (response) => this.stream(response, ['The articles do not answer that either.']),
    'I need someone to look at my invoice': (response) => {
      this.open(response);
      response.end(
        chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'handoff_to_person', arguments: '{}' } }] }),
      );
    },
    'Are you slow today?': () => undefined,
    'Are you busy today?': (response) =>
      response.writeHead(429, { 'content-type': 'application/json' }).end('{"error":{"message":"rate limited"}}'),
    'Are you broken today?': (response) => response.writeHead(500).end('{"error":{"message":"internal"}}'),
    'Are you cut off today?': (response) => {
      this.open(response);
      response.write(chunk({ content: 'Half an ans' }));
      response.destroy();
    },
    'How do I renew seats?': (response) => {
      this.open(response);
      response.write(chunk({ content: 'Seats renew ' }));
      this.release = () => response.end(`${chunk({ content: 'every year.' })}data: [DONE]\n\n`);
    },
  };

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
  }

  /** Ends the held stream. */
  finishHeld(): void {
    this.release?.();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const piece of request) text += piece;
    const body = JSON.parse(text) as CompletionRequest['body'];
    this.requests.push({ authorization: request.headers.authorization, body });
    if (request.url !== '/v1/chat/completions') return void response.writeHead(404).end();
    const behaviour = this.behaviours[body.messages.at(-1)!.content];
    if (!behaviour) return void response.writeHead(400).end();
    behaviour(response);
  }

  private open(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  }

  private stream(response: ServerResponse, parts: string[]): void {
    this.open(response);
    // Written one at a time, each flushed, so the visitor sees them as separate parts.
    for (const part of parts) response.write(chunk({ content: part }));
    response.end('data: [DONE]\n\n');
  }
}

describe('the language-model AI agent against a local chat-completions server (real Postgres and Kafka, socket.io)', () => {
  const provider = new FakeProvider();
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
