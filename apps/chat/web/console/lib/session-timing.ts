/** Renew this long before the access token ends, so a request in flight never carries an expired token. */
export const renewAheadMs = 60_000;

/** When to renew an access token that ends at `expiresAt`: a minute before, at once when that is already past. */
export function renewalDelayMs(expiresAt: string, now: number): number {
  return Math.max(0, Date.parse(expiresAt) - renewAheadMs - now);
}

/** Whether the session (whatever its renewals) has ended: then only signing in again helps. */
export function sessionOver(refreshTokenExpiresAt: string, now: number): boolean {
  return Date.parse(refreshTokenExpiresAt) <= now;
}
