import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { ChatCompletionsServer } from '../../apps/chat/test/chat-completions-server';
import { ChatClient, clientOf } from '../../apps/chat/test/chat-under-test';
import { ChatInstances, startChatInstances } from '../support/chat-instances';
import { eventually } from '../support/infra';

interface MessageView {
  conversationId: string;
  sequence: number;
  clientId: string;
  author: string;
  text: string;
}

/** Recognisable anywhere it might turn up, whole or in part. */
const apiKey = `sk-helpgate-secret-${randomUUID()}`;
const keyParts = [apiKey, apiKey.slice(-16)];

/**
 * The language model's key is a secret: chat as a process (every line it prints captured, at the most verbose level)
 * talks to a local chat-completions server that checks the key, through answers, a refusal of the key, a failure and
 * a timeout; the key reaches that server and nothing else: no log line, no socket.io event, no public HTTP answer.
 */
describe('the language-model API key never reaches logs or a browser (chat as a process, real socket.io, Kafka and Postgres)', () => {
  const provider = new ChatCompletionsServer();
  let chat: ChatInstances;
  const visitors: { client: ChatClient; events: string[] }[] = [];

  beforeAll(async () => {
    await provider.start();
    chat = await startChatInstances({
      count: 1,
      adapter: 'postgres',
      env: {
        CHAT_AI_AGENT: 'llm',
        CHAT_LLM_URL: provider.url,
        CHAT_LLM_API_KEY: apiKey,
        CHAT_LLM_MODEL: 'test-model',
        CHAT_LLM_TIMEOUT_MS: '700',
        LOG_LEVEL: 'trace',
      },
    });
  });

  afterAll(async () => {
    for (const { client } of visitors) client.close();
    await chat?.cleanUp();
    await provider.stop();
  });

  /** A new visitor whose every received event is kept as it arrived, serialized. */
  async function visitor(): Promise<ChatClient> {
    const socket = io(`${chat.instances[0]!.url}/visitor`, { transports: ['websocket'], reconnection: false, forceNew: true });
    const events: string[] = [];
    socket.onAny((event: string, ...payload: unknown[]) => events.push(JSON.stringify([event, ...payload])));
    const client = clientOf(socket);
    visitors.push({ client, events });
    await client.next('session');
    return client;
  }

  /** The visitor asks; answers the AI's stored reply to it. */
  async function ask(text: string): Promise<MessageView> {
    const client = await visitor();
    const question = await client.request<MessageView>('message.send', { clientId: randomUUID(), text });
    return client.next<MessageView>('message', (message) => message.clientId === `ai:${question.sequence}`);
  }

  it('sends the key to the provider alone, through an answer, a refused key, a failure and a timeout', async () => {
    expect((await ask('How do I reset my password?')).text).toContain('Forgot password');
    for (const failing of ['Who am I talking to?', 'Are you broken today?', 'Are you slow today?']) {
      expect((await ask(failing)).text).toBe('Sorry, I cannot answer right now.');
    }
    // Each failure is told to the visitor as the ticket path (nobody online), and logged as a failure.
    const { logs } = chat.instances[0]!;
    const failures = await eventually(() => {
      const logged = logs.filter((line) => line.includes('the language model failed'));
      expect(logged).toHaveLength(3);
      return logged;
    });
    // The lines are read whole, with the agent's own fields: what would carry a key if one were logged.
    for (const line of failures) expect(JSON.parse(line)).toMatchObject({ model: 'test-model', err: expect.any(Object) });

    // The key was sent, so it could have leaked: the provider saw it on every request, in the header only.
    expect(provider.requests).toHaveLength(4);
    for (const request of provider.requests) {
      expect(request.authorization).toBe(`Bearer ${apiKey}`);
      expect(JSON.stringify(request.body)).not.toContain(apiKey);
    }

    const publicAnswers = await Promise.all(
      ['/health', '/metrics', '/openapi.json', '/asyncapi.json', '/help-center/search?q=password'].map(async (path) =>
        (await fetch(`${chat.instances[0]!.url}${path}`)).text(),
      ),
    );
    const received = visitors.flatMap(({ events }) => events);
    expect(received.length).toBeGreaterThan(20);
    expect(logs.length).toBeGreaterThan(20);
    for (const part of keyParts) {
      expect(logs.filter((line) => line.includes(part))).toEqual([]);
      expect(received.filter((event) => event.includes(part))).toEqual([]);
      expect(publicAnswers.filter((body) => body.includes(part))).toEqual([]);
    }
  });
});
