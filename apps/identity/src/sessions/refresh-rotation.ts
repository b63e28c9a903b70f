/** Why a session ended before its time. */
export type RevocationReason = 'signed_out' | 'password_changed' | 'deactivated' | 'refresh_token_reused';

/** A refresh token as stored, with its session. */
export interface StoredRefreshToken {
  rotatedAt: Date | null;
  session: { revokedAt: Date | null; expiresAt: Date };
}

/**
 * What presenting a refresh token does: an unused token of a live session is swapped for a new one (`rotate`); one
 * already swapped was copied, so the whole session is revoked (`reused`: whoever holds the newer token loses it too);
 * a token of a session revoked or past its lifetime, or no stored token at all, renews nothing (`refused`).
 */
export function refreshOutcome(token: StoredRefreshToken | null, now: Date): 'rotate' | 'reused' | 'refused' {
  if (!token || token.session.revokedAt !== null || token.session.expiresAt.getTime() <= now.getTime()) return 'refused';
  return token.rotatedAt === null ? 'rotate' : 'reused';
}
