import { renewalDelayMs, sessionOver } from './session-timing';

describe('session timing', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');

  it('renews a minute before the access token ends, at once when that minute has begun', () => {
    expect(renewalDelayMs('2026-12-05T10:15:00Z', now)).toBe(14 * 60_000);
    expect(renewalDelayMs('2026-12-05T10:00:30Z', now)).toBe(0);
  });

  it('knows a session past its end is over', () => {
    expect(sessionOver('2026-12-05T09:59:59Z', now)).toBe(true);
    expect(sessionOver('2026-12-05T18:00:00Z', now)).toBe(false);
  });
});
