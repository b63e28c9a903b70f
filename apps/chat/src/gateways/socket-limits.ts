import { Inject, Injectable } from '@nestjs/common';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { ConnectionCounter, TokenBucket } from '../limits/rate-limiter';
import type { ChatSocket } from './chat-socket';

/** The per-socket and per-address limits of this instance, each refused with a code naming it. */
@Injectable()
export class SocketLimits {
  private readonly connections = new ConnectionCounter();

  constructor(@Inject(CHAT_SETTINGS) private readonly settings: ChatSettings) {}

  /** Counts the connection against its address; the caller releases it when the socket goes. */
  acquireConnection(socket: ChatSocket): void {
    const max = this.settings.limits.maxConnectionsPerAddress;
    if (!this.connections.tryAcquire(socket.handshake.address, max)) {
      throw new ChatException(ChatErrorCode.TooManyConnections, `At most ${max} connections per address (connections per address limit)`);
    }
    socket.data.countedAddress = socket.handshake.address;
    socket.data.messageBucket = new TokenBucket({
      ratePerSecond: this.settings.limits.messagesPerSecond,
      burst: this.settings.limits.messageBurst,
    });
  }

  releaseConnection(socket: ChatSocket): void {
    if (socket.data.countedAddress) this.connections.release(socket.data.countedAddress);
  }

  /** One message from this socket, within its rate. */
  takeMessage(socket: ChatSocket): void {
    const bucket = socket.data.messageBucket;
    if (bucket && !bucket.tryTake()) {
      throw new ChatException(
        ChatErrorCode.RateLimited,
        `At most ${this.settings.limits.messagesPerSecond} messages per second per connection (messages per second limit)`,
      );
    }
  }
}
