import { refreshDelayMs } from './refresh';

describe('when a customer’s access token is renewed', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');

  it('is a minute before it expires', () => {
    expect(refreshDelayMs('2026-12-05T10:15:00Z', now)).toBe(14 * 60_000);
  });

  it('is at once when less than a minute is left, or the time cannot be read', () => {
    expect(refreshDelayMs('2026-12-05T10:00:30Z', now)).toBe(0);
    expect(refreshDelayMs('2026-12-05T09:59:00Z', now)).toBe(0);
    expect(refreshDelayMs('soon', now)).toBe(0);
  });
});
