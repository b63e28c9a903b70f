/** The parts of a session's tokens the renewal compares. */
export interface RenewableTokens {
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface RenewalParts<Tokens extends RenewableTokens> {
  /** The tokens every tab of this browser shares (null once signed out). */
  readStored(): Tokens | null;
  /** Swaps a refresh token for new tokens at identity; the old one stops working. */
  renew(refreshToken: string): Promise<Tokens>;
  /** Runs `work` while no other tab of this browser runs its own (the Web Locks API where the browser has it). */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Renews a session shared by every tab of the browser, once. identity takes each refresh token once, so two tabs
 * renewing with the same one would leave one of them signed out. One at a time, each tab first looks at the stored
 * tokens: when another tab has already swapped the refresh token this tab holds, it takes those instead; when
 * another tab signed out (nothing stored), the answer is null and this tab is signed out too.
 */
export function renewShared<Tokens extends RenewableTokens>(current: Tokens, parts: RenewalParts<Tokens>): Promise<Tokens | null> {
  return parts.exclusively(async () => {
    const stored = parts.readStored();
    if (!stored) return null;
    if (stored.refreshToken !== current.refreshToken) return stored;
    return parts.renew(current.refreshToken);
  });
}
