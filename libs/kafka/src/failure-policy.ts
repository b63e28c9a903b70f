import { DomainException, ErrorKind } from '@helpgate/errors';
import { isTransientError } from './transient-error';

export type DeadLetterCause = 'invalid' | 'rejected' | 'failed' | 'no-handler';

export type FailureDecision = { action: 'retry'; delayMs: number } | { action: 'dead-letter'; cause: DeadLetterCause; reason: string };

const maxBackoffMs = 30_000;

export function backoffMs(attempt: number, baseMs = 200): number {
  return Math.min(maxBackoffMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * What to do after a handler failed on an event. Infrastructure failures wait and retry without limit
 * (the partition is blocked anyway until the database or broker is back); a domain rejection is
 * dead-lettered at once; anything else gets bounded retries before it is dead-lettered.
 */
export function decideOnFailure(error: unknown, attempt: number, maxAttempts: number): FailureDecision {
  if (isTransientError(error)) return { action: 'retry', delayMs: backoffMs(attempt) };
  if (error instanceof DomainException && error.kind !== ErrorKind.Unavailable) {
    return { action: 'dead-letter', cause: 'rejected', reason: `rejected: ${error.code}: ${error.message}` };
  }
  if (attempt < maxAttempts) return { action: 'retry', delayMs: backoffMs(attempt) };
  return { action: 'dead-letter', cause: 'failed', reason: `failed after ${attempt} attempts: ${describe(error)}` };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
