import { Logger } from '@nestjs/common';
import { DomainException } from '@helpgate/errors';
import { ChatErrorCode } from '../domain/chat.exception';
import type { ChatSocket } from './chat-socket';

type Next = (error?: Error) => void;

const logger = new Logger('ChatConnections');

/**
 * Runs a connection check (socket.io middleware); a refusal reaches the client as `connect_error` whose `data`
 * is the `{ code, message }` of the error event, so a client tells a bad token from a full address.
 */
export function connectionCheck(check: (socket: ChatSocket) => Promise<void>) {
  return (socket: ChatSocket, next: Next) => {
    check(socket).then(
      () => next(),
      (error: unknown) => {
        if (!(error instanceof DomainException)) logger.error({ err: error }, 'a socket connection check failed');
        const code: string = error instanceof DomainException ? (error as DomainException).code : ChatErrorCode.InternalError;
        const message = error instanceof DomainException ? error.message : 'Internal error';
        next(Object.assign(new Error(message), { data: { code, message } }));
      },
    );
  };
}

/** Clients may send only the events of the protocol; anything else gets an error event, never silence. */
export function refuseUnknownEvents(socket: ChatSocket, known: Record<string, unknown>): void {
  socket.onAny((event: string) => {
    if (!(event in known)) {
      socket.emit('error', { code: ChatErrorCode.InvalidEvent, message: `Unknown event ${event}`, event });
    }
  });
}
