import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainException, ErrorKind } from '@helpgate/errors';
import { clientErrorOf } from './client-error';
import { ErrorBody, RequestErrorCode, RequestRefusedException } from './error-body';
import { codeOfStatus } from './status-codes';

/**
 * 422 is for input the route's schema accepts but a rule of the service refuses; input the schema refuses is a
 * 400 (`request.invalid_input`) from the validation pipe.
 */
const statusOfKind: Record<ErrorKind, HttpStatus> = {
  [ErrorKind.Invalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.Gone]: HttpStatus.GONE,
  [ErrorKind.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorKind.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * The body answered for an error an HTTP request raised, with a `code` whatever raised it: a domain refusal, a
 * refusal of the request, an exception of Nest's own (its router's 404, its pipes' 400) or of the body parsers.
 * Null for anything else: a fault of the service.
 */
export function errorBodyOf(exception: unknown): ErrorBody | null {
  if (exception instanceof DomainException) {
    // `instanceof` cannot name the code type, so it narrows to DomainException<any>; every code is a string.
    return { statusCode: statusOfKind[exception.kind], code: exception.code as string, message: exception.message };
  }
  if (exception instanceof RequestRefusedException) return exception.body;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { statusCode: status, code: codeOfStatus(status), message: exception.message };
  }
  return clientErrorOf(exception);
}

const internalError: ErrorBody = {
  statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
  code: RequestErrorCode.InternalError,
  message: 'Internal server error',
};

/** Answers every error of every controller with one body shape; anything unexpected is a logged 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    let body = errorBodyOf(exception);
    if (!body) {
      this.logger.error({ err: exception }, 'unhandled error in an HTTP request');
      body = internalError;
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainException && exception.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    }
    response.status(body.statusCode).json(body);
  }
}
