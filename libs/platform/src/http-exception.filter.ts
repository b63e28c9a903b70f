import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, ErrorKind } from '@helpgate/errors';
import { clientErrorOf } from './client-error';

const statusOfKind: Record<ErrorKind, HttpStatus> = {
  [ErrorKind.Invalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.Gone]: HttpStatus.GONE,
  [ErrorKind.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** Maps domain exceptions to HTTP once for every controller; anything unexpected is a logged 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainException) {
      const status = statusOfKind[exception.kind];
      // `instanceof` cannot name the code type, so it narrows to DomainException<any>; every code is a string.
      response.status(status).json({ statusCode: status, code: exception.code as string, message: exception.message });
      return;
    }
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const clientError = clientErrorOf(exception);
    if (clientError) {
      response.status(clientError.status).json({ statusCode: clientError.status, message: clientError.message });
      return;
    }
    this.logger.error({ err: exception }, 'unhandled error in an HTTP request');
    response
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' });
  }
}
