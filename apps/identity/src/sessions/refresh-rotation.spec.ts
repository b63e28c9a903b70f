import { refreshOutcome } from './refresh-rotation';

const now = new Date('2026-03-02T10:00:00Z');
const later = new Date('2026-03-02T18:00:00Z');
const live = { revokedAt: null, expiresAt: later };

describe('refresh token rotation', () => {
  it('swaps an unused token of a live session for a new one', () => {
    expect(refreshOutcome({ rotatedAt: null, session: live }, now)).toBe('rotate');
  });

  it('treats a token presented again after it was swapped as stolen: the session is revoked', () => {
    expect(refreshOutcome({ rotatedAt: new Date('2026-03-02T09:00:00Z'), session: live }, now)).toBe('reused');
  });

  it('renews nothing for an unknown token, a revoked session or one past its lifetime', () => {
    expect(refreshOutcome(null, now)).toBe('refused');
    expect(refreshOutcome({ rotatedAt: null, session: { revokedAt: now, expiresAt: later } }, now)).toBe('refused');
    expect(refreshOutcome({ rotatedAt: null, session: { revokedAt: null, expiresAt: now } }, now)).toBe('refused');
    // A copied token of a session already ended has nothing left to revoke.
    expect(refreshOutcome({ rotatedAt: now, session: { revokedAt: now, expiresAt: later } }, now)).toBe('refused');
  });
});
