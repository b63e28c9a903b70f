import type { SignInThrottleConfig } from '../config';
import { admit, delayAfter, deservesAlert, failuresNow, throttleKeys, withFailure } from './throttle-policy';

const policy: SignInThrottleConfig = {
  freeFailures: 3,
  delayMs: 500,
  maxDelayMs: 4000,
  maxFailures: { account: 10, address: 50 },
  windowSeconds: 900,
};
const now = new Date('2026-03-02T10:00:00Z');
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('sign-in throttle policy', () => {
  it('answers the first failures at full speed, then doubles the wait up to its ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 9].map((failures) => delayAfter(failures, policy))).toEqual([0, 0, 0, 500, 1000, 2000, 4000, 4000, 4000]);
    expect(admit('account', { failures: 5, lastFailureAt: secondsAgo(1) }, now, policy)).toEqual({ admitted: true, delayMs: 2000 });
  });

  it('refuses an account at its limit until the window has passed since its last failure', () => {
    const locked = { failures: 10, lastFailureAt: secondsAgo(60) };
    expect(admit('account', locked, now, policy)).toEqual({ admitted: false, retryAfterSeconds: 840 });
    expect(admit('account', { failures: 10, lastFailureAt: secondsAgo(899.5) }, now, policy)).toEqual({ admitted: false, retryAfterSeconds: 1 });
    expect(admit('account', { failures: 10, lastFailureAt: secondsAgo(900) }, now, policy)).toEqual({ admitted: true, delayMs: 0 });
  });

  it('gives a client address its own, higher limit over every account it tries', () => {
    const record = { failures: 10, lastFailureAt: secondsAgo(1) };
    expect(admit('address', record, now, policy)).toEqual({ admitted: true, delayMs: 4000 });
    expect(admit('address', { ...record, failures: 50 }, now, policy)).toEqual({ admitted: false, retryAfterSeconds: 899 });
  });

  it('never locks an account for the address it signed in from before, which still waits', () => {
    const locked = { failures: 12, lastFailureAt: secondsAgo(1) };
    expect(admit('account', locked, now, policy, { lockApplies: false })).toEqual({ admitted: true, delayMs: 4000 });
  });

  it('forgets failures once the window has passed without another, and counts afresh', () => {
    const old = { failures: 9, lastFailureAt: secondsAgo(901) };
    expect(failuresNow(old, now, policy)).toBe(0);
    expect(failuresNow(null, now, policy)).toBe(0);
    expect(withFailure(old, now, policy)).toEqual({ failures: 1, lastFailureAt: now });
    expect(withFailure({ failures: 9, lastFailureAt: secondsAgo(10) }, now, policy)).toEqual({ failures: 10, lastFailureAt: now });
  });

  it('alerts the owner of an account once its failures reach the lock, at most once per window', () => {
    expect(deservesAlert(9, null, now, policy)).toBe(false);
    expect(deservesAlert(10, null, now, policy)).toBe(true);
    expect(deservesAlert(11, secondsAgo(300), now, policy)).toBe(false);
    expect(deservesAlert(11, secondsAgo(900), now, policy)).toBe(true);
  });

  it('keys an account by its kind and address in any case, and a client by its address, as digests', () => {
    const keys = throttleKeys({ accountKind: 'agent', email: 'Ann@Helpgate.test', clientAddress: '203.0.113.7' });
    expect(keys).toEqual(throttleKeys({ accountKind: 'agent', email: 'ann@helpgate.test', clientAddress: '203.0.113.7' }));
    expect(keys.account).not.toBe(throttleKeys({ accountKind: 'contact', email: 'ann@helpgate.test', clientAddress: '203.0.113.7' }).account);
    expect(keys.address).not.toBe(throttleKeys({ accountKind: 'agent', email: 'ann@helpgate.test', clientAddress: '203.0.113.8' }).address);
    expect(JSON.stringify(keys)).not.toMatch(/ann|203/);
    expect(keys.account).toMatch(/^[0-9a-f]{64}$/);
  });
});
