import type { OutboundConfig } from '../config';

export type RetryPolicy = Pick<OutboundConfig, 'maxAttempts' | 'retryBaseMs'>;

export type NextStep = { action: 'retry'; delayMs: number } | { action: 'give-up'; permanent: boolean };

/** However many attempts were made, a deferred mail is tried again at least this often. */
const maxRetryDelayMs = 60 * 60_000;

/**
 * Exponential backoff from the base delay, capped; half of each delay is random ("equal jitter") so
 * mails deferred together, say during a relay outage, do not all come back at the same moment.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxRetryDelayMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** What happens after attempt number `attempt` failed. */
export function nextStep(
  failure: { retryable: boolean },
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): NextStep {
  if (!failure.retryable) return { action: 'give-up', permanent: true };
  if (attempt >= policy.maxAttempts) return { action: 'give-up', permanent: false };
  return { action: 'retry', delayMs: retryDelayMs(attempt, policy.retryBaseMs, random) };
}
