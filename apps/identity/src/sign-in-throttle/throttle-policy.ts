import { sha256Hex } from '@helpgate/platform';
import type { SignInThrottleConfig } from '../config';

/** What is throttled: one account (agent or contact, by address), or one client address over every account. */
export type ThrottleScope = 'account' | 'address';

/** The failed sign-ins one key has had lately. */
export interface FailureRecord {
  failures: number;
  lastFailureAt: Date;
}

export type Admission =
  | { admitted: true; delayMs: number }
  | { admitted: false; retryAfterSeconds: number };

/**
 * The keys of an attempt, digested: the throttle's table then holds no addresses, mail or network, yet every identity
 * instance finds the same rows.
 */
export function throttleKeys(attempt: { accountKind: 'agent' | 'contact'; email: string; clientAddress: string }): Record<ThrottleScope, string> {
  return {
    account: sha256Hex(`account:${attempt.accountKind}:${attempt.email.toLowerCase()}`),
    address: sha256Hex(`address:${attempt.clientAddress}`),
  };
}

/** Failures count until `windowSeconds` pass without another one; then the key starts afresh. */
export function failuresNow(record: FailureRecord | null, now: Date, policy: SignInThrottleConfig): number {
  if (!record) return 0;
  return now.getTime() - record.lastFailureAt.getTime() >= policy.windowSeconds * 1000 ? 0 : record.failures;
}

/**
 * Whether one more attempt may be made on a key, and how long its answer waits: the first `freeFailures` failures
 * cost nothing, each one after doubles the wait (from `delayMs`, at most `maxDelayMs`), and from the scope's
 * `maxFailures` on the key is refused until the window has passed since its last failure. Refused attempts are not
 * failures, so asking again never prolongs a lock. `lockApplies: false` (an account tried from an address it signed
 * in from before) keeps the waits but not the lock, so nobody can lock a real user out from their usual place.
 */
export function admit(
  scope: ThrottleScope,
  record: FailureRecord | null,
  now: Date,
  policy: SignInThrottleConfig,
  { lockApplies }: { lockApplies: boolean } = { lockApplies: true },
): Admission {
  const failures = failuresNow(record, now, policy);
  if (lockApplies && failures >= policy.maxFailures[scope]) {
    const unlocksAt = record!.lastFailureAt.getTime() + policy.windowSeconds * 1000;
    return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000)) };
  }
  return { admitted: true, delayMs: delayAfter(failures, policy) };
}

/** The wait before answering an attempt that follows `failures` failures. */
export function delayAfter(failures: number, policy: SignInThrottleConfig): number {
  const slowed = failures - policy.freeFailures;
  return slowed < 0 ? 0 : Math.min(policy.delayMs * 2 ** slowed, policy.maxDelayMs);
}

/** The record once an attempt is counted as a failure; attempts count as failures until they succeed. */
export function withFailure(record: FailureRecord | null, now: Date, policy: SignInThrottleConfig): FailureRecord {
  return { failures: failuresNow(record, now, policy) + 1, lastFailureAt: now };
}

/** An account whose failures reached the lock is worth telling its owner about, once per window. */
export function deservesAlert(failures: number, lastAlertAt: Date | null, now: Date, policy: SignInThrottleConfig): boolean {
  const alertedLately = lastAlertAt !== null && now.getTime() - lastAlertAt.getTime() < policy.windowSeconds * 1000;
  return failures >= policy.maxFailures.account && !alertedLately;
}
