import { requestJson } from '../../help-center/panel/api';
import { renewShared } from '../lib/shared-renewal';

/** identity's answer to a sign-in or a renewal (apps/identity/src/access/access.dto.ts). */
export interface SessionTokens {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const storageKey = 'helpgate.console.session';

/**
 * The agent's session with identity: a short-lived access token renewed with the refresh token until the session's end
 * (a working day, identity's IDENTITY_SESSION_TTL). Kept in this browser so a reload stays signed in; the page's CSP
 * (scripts from chat only) is what keeps other code from reading it.
 */
export const sessionStore = {
  read(): SessionTokens | null {
    const kept = localStorage.getItem(storageKey);
    return kept ? (JSON.parse(kept) as SessionTokens) : null;
  },
  write(tokens: SessionTokens | null): void {
    if (tokens) localStorage.setItem(storageKey, JSON.stringify(tokens));
    else localStorage.removeItem(storageKey);
  },
  /** Calls `changed` with the tokens another tab of this browser stored (null when it signed out); returns the unsubscribe. */
  watchOtherTabs(changed: (tokens: SessionTokens | null) => void): () => void {
    const listener = (event: StorageEvent) => {
      if (event.key === storageKey || event.key === null) changed(this.read());
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  },
};

/** Renews the session for every tab of this browser at once (see renewShared); null when another tab signed out. */
export function renewForAllTabs(identityUrl: string, current: SessionTokens): Promise<SessionTokens | null> {
  return renewShared(current, {
    readStored: () => sessionStore.read(),
    renew: (refreshToken) => renew(identityUrl, refreshToken),
    // Web Locks exist only in secure contexts (https, or the local machine); elsewhere tabs renew unsynchronised.
    exclusively: async (work) => (navigator.locks ? await navigator.locks.request('helpgate.console.renewal', work) : await work()),
  });
}

export function signIn(identityUrl: string, email: string, password: string): Promise<SessionTokens> {
  return requestJson<SessionTokens>(`${identityUrl}/auth/agents/sign-in`, { method: 'POST', body: { email, password } });
}

/** Swaps the refresh token for new tokens (the old one stops working). */
export function renew(identityUrl: string, refreshToken: string): Promise<SessionTokens> {
  return requestJson<SessionTokens>(`${identityUrl}/auth/refresh`, { method: 'POST', body: { refreshToken } });
}

/** Ends the session at identity: its refresh token no longer renews anything. */
export function endSession(identityUrl: string, refreshToken: string): Promise<void> {
  return requestJson<void>(`${identityUrl}/auth/sign-out`, { method: 'POST', body: { refreshToken } });
}

export function setPassword(identityUrl: string, token: string, password: string): Promise<void> {
  return requestJson<void>(`${identityUrl}/auth/password`, { method: 'POST', body: { token, password } });
}
