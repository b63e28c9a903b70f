import { DomainException, ErrorKind } from '@helpgate/errors';
import { backoffMs, decideOnFailure } from './failure-policy';

describe('decideOnFailure', () => {
  it('retries infrastructure failures however often they happen', () => {
    const dbDown = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(decideOnFailure(dbDown, 50, 5)).toEqual({ action: 'retry', delayMs: 30_000 });
  });

  it('dead-letters a domain rejection at once', () => {
    const rejection = new DomainException('contact.invalid_email', ErrorKind.Invalid, 'not an address');
    expect(decideOnFailure(rejection, 1, 5)).toEqual({
      action: 'dead-letter',
      cause: 'rejected',
      reason: 'rejected: contact.invalid_email: not an address',
    });
  });

  it('retries an unexpected error a bounded number of times, then dead-letters it', () => {
    const bug = new TypeError('x is undefined');
    expect(decideOnFailure(bug, 4, 5).action).toBe('retry');
    expect(decideOnFailure(bug, 5, 5)).toEqual({
      action: 'dead-letter',
      cause: 'failed',
      reason: 'failed after 5 attempts: TypeError: x is undefined',
    });
  });

  it('backs off exponentially up to a ceiling', () => {
    expect([1, 2, 3].map((attempt) => backoffMs(attempt))).toEqual([200, 400, 800]);
    expect(backoffMs(30)).toBe(30_000);
  });
});
