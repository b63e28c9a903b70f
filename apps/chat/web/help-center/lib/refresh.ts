/** How early before its expiry a signed-in customer's access token is renewed, so no call ever carries a dead one. */
export const refreshMarginMs = 60_000;

/** When to renew an access token expiring at `expiresAt` (ISO time), from `now`: a minute before, at once if later. */
export function refreshDelayMs(expiresAt: string, now: number): number {
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) return 0;
  return Math.max(0, expiry - now - refreshMarginMs);
}
