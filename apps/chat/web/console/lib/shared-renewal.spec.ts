import { RenewalParts, renewShared } from './shared-renewal';

interface Tokens {
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

const tokens = (refreshToken: string): Tokens => ({ refreshToken, refreshTokenExpiresAt: '2026-12-06T18:00:00Z' });

/** Two tabs sharing one store and one lock, and an identity that takes each refresh token once. */
function browserWithTwoTabs(initial: Tokens) {
  let stored: Tokens | null = initial;
  let lock: Promise<unknown> = Promise.resolve();
  const used = new Set<string>();
  let issued = 0;
  const parts: RenewalParts<Tokens> = {
    readStored: () => stored,
    async renew(refreshToken) {
      if (used.has(refreshToken)) throw new Error('refresh token already used');
      used.add(refreshToken);
      await new Promise((resolve) => setTimeout(resolve, 5));
      stored = tokens(`renewed-${++issued}`);
      return stored;
    },
    exclusively(work) {
      const run = lock.then(work);
      lock = run.catch(() => undefined);
      return run;
    },
  };
  return { parts, renewals: () => issued };
}

describe('renewShared', () => {
  it('renews once when two tabs holding the same refresh token renew together, and both get the new tokens', async () => {
    const browser = browserWithTwoTabs(tokens('first'));
    const [one, other] = await Promise.all([renewShared(tokens('first'), browser.parts), renewShared(tokens('first'), browser.parts)]);
    expect(browser.renewals()).toBe(1);
    expect(one?.refreshToken).toBe('renewed-1');
    expect(other?.refreshToken).toBe('renewed-1');
  });

  it('renews again at the next turn, from the tokens the tabs now share', async () => {
    const browser = browserWithTwoTabs(tokens('first'));
    const renewed = await renewShared(tokens('first'), browser.parts);
    await expect(renewShared(renewed!, browser.parts)).resolves.toEqual(tokens('renewed-2'));
  });

  it('renews nothing once another tab signed out, and answers that this one is signed out too', async () => {
    const browser = browserWithTwoTabs(tokens('first'));
    browser.parts.readStored = () => null;
    await expect(renewShared(tokens('first'), browser.parts)).resolves.toBeNull();
    expect(browser.renewals()).toBe(0);
  });
});
