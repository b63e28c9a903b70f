import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';

/** What a handler is bound to: a socket, as far as receiving its events and emitting goes. */
export interface HandlerSocket {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

/** The answers of a handler, as Nest gives them: whatever it returned, as an observable. */
export type AnswerTransform = (result: ReturnType<MessageMappingProperties['callback']>) => Observable<unknown>;

/**
 * Binds a socket's message handlers with one plain listener each. Nest's own binding builds an rxjs pipeline per
 * handler and socket (a subject, operators and their subscribers: about 4 KB for each), held for as long as the
 * socket is connected, which made it most of an idle visitor's memory; what a handler answers is handled the same:
 * nothing (null or undefined) answers nothing, `{ event, data }` is emitted as that event, anything else is the
 * acknowledgement when the client asked for one. Handlers map their own errors (the exception filter); what still
 * fails is given to `onError`.
 */
export function bindMessageHandlers(
  socket: HandlerSocket,
  handlers: readonly MessageMappingProperties[],
  transform: AnswerTransform,
  onError: (error: unknown, event: string) => void,
): void {
  for (const { message, callback, isAckHandledManually } of handlers) {
    const event = String(message);
    socket.on(event, (...args: unknown[]) => {
      const { data, ack } = payloadOf(args);
      transform(callback(data, ack)).subscribe({
        next: (answer) => {
          if (answer === null || answer === undefined) return;
          if (isEventAnswer(answer)) socket.emit(answer.event, answer.data);
          else if (!isAckHandledManually && ack) ack(answer);
        },
        error: (error: unknown) => onError(error, event),
      });
    });
  }
}

type Ack = (answer: unknown) => void;

/** The event's data (one argument, or the list of them) and its acknowledgement, which comes last when asked for. */
function payloadOf(args: unknown[]): { data: unknown; ack?: Ack } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { data: args.length === 1 ? args[0] : args };
  const data = args.length === 2 ? args[0] : args.length === 1 ? undefined : args.slice(0, -1);
  return { data, ack: last as Ack };
}

function isEventAnswer(answer: unknown): answer is { event: string; data: unknown } {
  return typeof answer === 'object' && answer !== null && 'event' in answer && typeof answer.event === 'string';
}
