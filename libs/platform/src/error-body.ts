import { HttpException, HttpStatus } from '@nestjs/common';
import { z } from 'zod';

/** One failing part of the input: where it is and what is wrong with it. */
export const errorDetailSchema = z.object({
  path: z
    .string()
    .describe('Dotted path of the field within its request part (body, query or path parameter); empty for the whole part.'),
  message: z.string(),
});

export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/**
 * The body of every error answer of every service: the exception filter writes it and the API document
 * describes it, both from this schema.
 */
export const errorBodySchema = z
  .object({
    statusCode: z.number().int().min(400).max(599),
    code: z
      .string()
      .describe('Stable and machine-readable, `<area>.<reason>`: e.g. `request.invalid_input`, `auth.token_expired`, `contact.not_found`.'),
    message: z.string().describe('For people; its wording may change.'),
    details: z.array(errorDetailSchema).optional().describe('The failing fields of input that failed validation.'),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Codes of refusals of the request itself, before any service rule sees it, and of server errors. */
export enum RequestErrorCode {
  /** 400: the body, query or path does not match the route's input schema; `details` names the fields. */
  InvalidInput = 'request.invalid_input',
  /** 400: the body cannot be read at all (JSON syntax, bytes not in the declared charset). */
  MalformedBody = 'request.malformed_body',
  /** 404: no route answers this method and path. */
  RouteNotFound = 'request.route_not_found',
  /** 413 */
  BodyTooLarge = 'request.body_too_large',
  /** 415 */
  UnsupportedMediaType = 'request.unsupported_media_type',
  /** 500: a fault of the service, logged; the message says nothing more. */
  InternalError = 'server.internal_error',
  /** 503 */
  Unavailable = 'server.unavailable',
}

/**
 * A refusal of the request as HTTP sees it (unreadable, too large, of the wrong type), answered by the exception
 * filter exactly as given. Refusals by a service's rules are `DomainException`s instead.
 */
export class RequestRefusedException extends HttpException {
  readonly body: ErrorBody;

  constructor(status: HttpStatus, code: string, message: string, options: { details?: ErrorDetail[]; cause?: unknown } = {}) {
    const body: ErrorBody = { statusCode: status, code, message };
    if (options.details) body.details = options.details;
    super(body, status, { cause: options.cause });
    this.body = body;
  }
}

/** Input that does not match the route's schema, naming each failing field. */
export function invalidInput(message: string, details: ErrorDetail[]): RequestRefusedException {
  return new RequestRefusedException(HttpStatus.BAD_REQUEST, RequestErrorCode.InvalidInput, message, { details });
}
