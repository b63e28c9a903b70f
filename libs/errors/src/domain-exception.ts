/** What kind of failure a domain error is; each transport maps the kind once (HTTP status, SMTP reply, dead-letter). */
export enum ErrorKind {
  Invalid = 'invalid',
  NotFound = 'not_found',
  Conflict = 'conflict',
  /** The caller could not prove who they are (wrong password, unusable link). */
  Unauthenticated = 'unauthenticated',
  /** The caller is known but may not do this. */
  Forbidden = 'forbidden',
  /** The thing existed but is gone for good (an expired or used one-time link). */
  Gone = 'gone',
  Unavailable = 'unavailable',
  /** Refused for now because of how often it was tried; the exception says when to try again (`retryAfterSeconds`). */
  TooManyRequests = 'too_many_requests',
}

export interface DomainExceptionOptions {
  cause?: unknown;
  /** When trying again may succeed, for refusals of kind `TooManyRequests`. */
  retryAfterSeconds?: number;
}

export class DomainException<Code extends string = string> extends Error {
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    options?: DomainExceptionOptions,
  ) {
    super(message, options);
    this.name = 'DomainException';
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/**
 * The exception class of one domain: each code has a fixed kind, so callers name only the code.
 * `class IdentityException extends domainExceptionFor(identityErrorKinds) {}`
 */
export function domainExceptionFor<Code extends string>(kindOf: Record<Code, ErrorKind>) {
  return class extends DomainException<Code> {
    constructor(code: Code, message: string, options?: DomainExceptionOptions) {
      super(code, kindOf[code], message, options);
    }
  };
}
