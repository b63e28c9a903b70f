import { useEffect, useState } from 'preact/hooks';
import { renewalDelayMs, sessionOver } from '../lib/session-timing';
import { endSession, renewForAllTabs, sessionStore, SessionTokens, signIn } from './session';

/** The agent's session for the whole console: signed in, renewed before each access token ends, ended on sign-out. */
export function useSession(identityUrl: string | null) {
  const [tokens, setTokens] = useState<SessionTokens | null>(() => {
    const kept = sessionStore.read();
    return kept && !sessionOver(kept.refreshTokenExpiresAt, Date.now()) ? kept : null;
  });
  const [ended, setEnded] = useState(false);

  const keep = (next: SessionTokens | null) => {
    sessionStore.write(next);
    setTokens(next);
  };

  // A renewal or sign-out in another tab of this browser is this tab's too.
  useEffect(() => sessionStore.watchOtherTabs(setTokens), []);

  useEffect(() => {
    if (!tokens || !identityUrl) return;
    const timer = setTimeout(
      () => {
        renewForAllTabs(identityUrl, tokens)
          .then(keep)
          .catch(() => {
            keep(null);
            setEnded(true);
          });
      },
      renewalDelayMs(tokens.expiresAt, Date.now()),
    );
    return () => clearTimeout(timer);
  }, [tokens, identityUrl]);

  return {
    accessToken: tokens?.accessToken ?? null,
    /** The session ran out (or was ended elsewhere): the sign-in page says so. */
    ended,
    async signIn(email: string, password: string) {
      setEnded(false);
      keep(await signIn(identityUrl!, email, password));
    },
    async signOut() {
      const current = tokens;
      keep(null);
      if (current) await endSession(identityUrl!, current.refreshToken);
    },
  };
}
