/** What kind of failure a domain error is; each transport maps the kind once (HTTP status, SMTP reply, dead-letter). */
export enum ErrorKind {
  Invalid = 'invalid',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Unavailable = 'unavailable',
}

export class DomainException<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainException';
  }
}
