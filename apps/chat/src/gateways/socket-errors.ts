import { DomainException } from '@helpgate/errors';
import type { Socket } from 'socket.io';
import { ChatErrorCode } from '../domain/chat.exception';

type Next = (error?: Error) => void;

/**
 * Runs a connection check (socket.io middleware); a refusal reaches the client as `connect_error` whose `data`
 * is the `{ code, message }` of the error event, so a client tells a bad token from a full address.
 */
export function connectionCheck(check: (socket: Socket) => Promise<void>) {
  return (socket: Socket, next: Next) => {
    check(socket).then(
      () => next(),
      (error: unknown) => {
        const refusal = new Error(error instanceof Error ? error.message : String(error)) as Error & { data?: unknown };
        refusal.data = {
          code: error instanceof DomainException ? error.code : ChatErrorCode.InternalError,
          message: refusal.message,
        };
        next(refusal);
      },
    );
  };
}

/** Clients may send only the events of the protocol; anything else gets an error event, never silence. */
export function refuseUnknownEvents(socket: Socket, known: Record<string, unknown>): void {
  socket.onAny((event: string) => {
    if (!(event in known)) {
      socket.emit('error', { code: ChatErrorCode.InvalidEvent, message: `Unknown event ${event}`, event });
    }
  });
}
