import { ArgumentsHost, Catch, Logger, WsExceptionFilter } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { DomainException } from '@helpgate/errors';
import { ChatErrorCode } from '../domain/chat.exception';
import type { ErrorEvent } from '../protocol/protocol';

/**
 * Maps errors of socket handlers once for both namespaces, as the HTTP filter does for routes: the client gets an
 * `error` event `{ code, message, event }` (and the acknowledgement, when it asked for one, `{ error }`), and the
 * connection stays up. Anything unexpected is logged and answered `internal_error`.
 */
@Catch()
export class ChatWsExceptionFilter implements WsExceptionFilter {
  private readonly logger = new Logger(ChatWsExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ws = host.switchToWs();
    const socket = ws.getClient<Socket>();
    const event = ws.getPattern();
    const error: ErrorEvent =
      exception instanceof DomainException
        ? { code: exception.code as ChatErrorCode, message: exception.message, event }
        : { code: ChatErrorCode.InternalError, message: 'Internal error', event };
    if (!(exception instanceof DomainException)) this.logger.error({ err: exception, event }, 'unhandled error in a socket handler');
    socket.emit('error', error);
    const ack = host.getArgs().find((arg: unknown) => typeof arg === 'function') as ((answer: unknown) => void) | undefined;
    ack?.({ error });
  }
}
