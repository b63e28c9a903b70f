import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Observable } from 'rxjs';

interface RequestWithBodyError extends Request {
  bodyError?: unknown;
}

/**
 * A body parser whose refusal (malformed, too large, unsupported charset) waits for the route's guards: Express runs
 * parsers before them, and a request without a valid token must be answered 401 whatever its body.
 */
export function deferringErrors(parser: RequestHandler): RequestHandler {
  return (request: RequestWithBodyError, response: Response, next: NextFunction) =>
    parser(request, response, (error?: unknown) => {
      if (error) request.bodyError = error;
      next();
    });
}

/** Raises the body parser's refusal once the guards let the request through (global, so before any other interceptor). */
@Injectable()
export class BodyErrorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const error = context.getType() === 'http' ? context.switchToHttp().getRequest<RequestWithBodyError>().bodyError : undefined;
    if (error) throw error;
    return next.handle();
  }
}
