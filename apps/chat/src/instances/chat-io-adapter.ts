import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Server, ServerOptions } from 'socket.io';
import type { ChatConfig } from '../config';
import { coalesceWrites } from './coalesced-writes';
import { AnswerTransform, bindMessageHandlers } from './message-handlers';
import { originRefusal } from './origin-policy';
import { openSocketCluster, SocketCluster } from './socket-cluster';

type HandshakeAnswer = (reason: string | null | undefined, allowed: boolean) => void;

/**
 * chat's socket.io server: rooms span every instance (`server.to(room).emit`, `fetchSockets()` and
 * `serverSideEmit` reach sockets wherever they are connected), and handshakes from sites not allowed to embed the
 * chat are refused with `403` and the reason, before any connection is made. An idle connection holds little: the
 * handshake's HTTP request is let go once the connection is made (socket.io's advice for memory; chat reads the
 * origin before, in `admit`, and the address and credentials from socket.io's own copy of the handshake), and the
 * handlers are bound without a pipeline per socket (see `bindMessageHandlers`).
 */
export class ChatIoAdapter extends IoAdapter {
  private readonly logger = new Logger(ChatIoAdapter.name);

  constructor(
    app: INestApplicationContext,
    private readonly cluster: SocketCluster,
    private readonly allowedOrigins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      adapter: this.cluster.adapter(),
      allowRequest: (request: IncomingMessage, answer: HandshakeAnswer) => this.admit(request, answer),
      // Browsers on the allowed sites poll across origins; with no list, pages come from this host and need no CORS.
      cors: this.allowedOrigins.length > 0 ? { origin: [...this.allowedOrigins], credentials: true } : undefined,
    }) as Server;
    server.engine.on('connection', (connection: { request: IncomingMessage | null }) => {
      connection.request = null;
    });
    // Every WebSocket, whether it began as one or upgraded from polling, is a connection upgraded here.
    (this.httpServer as HttpServer | undefined)?.on('upgrade', (_request: IncomingMessage, connection: NetSocket) =>
      coalesceWrites(connection),
    );
    return server;
  }

  override bindMessageHandlers(
    socket: Parameters<IoAdapter['bindMessageHandlers']>[0],
    handlers: MessageMappingProperties[],
    transform: AnswerTransform,
  ): void {
    bindMessageHandlers(socket, handlers, transform, (error, event) =>
      this.logger.error({ err: error, event }, 'a socket handler failed past its exception filter'),
    );
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.cluster.close();
  }

  private admit(request: IncomingMessage, answer: HandshakeAnswer): void {
    const refusal = originRefusal(request.headers.origin, request.headers.host, this.allowedOrigins);
    if (refusal !== null) this.logger.warn({ origin: request.headers.origin }, refusal);
    answer(refusal, refusal === null);
  }
}

/** The hook `runService` calls: joins the instances (Redis or Postgres) before any gateway is bound. */
export async function createChatIoAdapter(app: INestApplicationContext, config: ChatConfig): Promise<ChatIoAdapter> {
  return new ChatIoAdapter(app, await openSocketCluster(config.sockets, config.database), config.sockets.allowedOrigins);
}
