import { once } from 'node:events';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CompletionRequest {
  authorization: string | undefined;
  body: { model: string; stream: boolean; messages: { role: string; content: string }[]; tools?: { function: { name: string } }[] };
}

const chunk = (delta: object) => `data: ${JSON.stringify({ choices: [{ index: 0, delta }] })}\n\n`;

/**
 * A local server speaking the chat-completions streaming protocol (OpenAI-compatible, as Ollama, vLLM and llama.cpp's
 * server do); what it does depends on the visitor's newest message (the last `user` message), so each test picks its
 * provider behaviour by what the visitor says.
 */
export class ChatCompletionsServer {
  readonly requests: CompletionRequest[] = [];
  private server!: Server;
  private release: (() => void) | null = null;
  private readonly behaviours: Record<string, (response: ServerResponse, request: CompletionRequest) => void> = {
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
    // As some providers answer a refused key: naming it, so whatever passes the body on would leak it.
    'Who am I talking to?': (response, request) =>
      response
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `Incorrect API key provided: ${request.authorization?.replace(/^Bearer /, '')}` } })),
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
    const received = { authorization: request.headers.authorization, body };
    this.requests.push(received);
    if (request.url !== '/v1/chat/completions') return void response.writeHead(404).end();
    const behaviour = this.behaviours[body.messages.at(-1)!.content];
    if (!behaviour) return void response.writeHead(400).end();
    behaviour(response, received);
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
