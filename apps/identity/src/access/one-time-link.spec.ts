import { linkTokenHash, newLinkSecret, portalLink } from './one-time-link';

describe('one-time links', () => {
  it('keeps only a digest of the token', () => {
    const secret = newLinkSecret();
    expect(secret.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secret.tokenHash).toBe(linkTokenHash(secret.token));
    expect(secret.tokenHash).not.toContain(secret.token);
    expect(newLinkSecret().token).not.toBe(secret.token);
  });

  it('points at the portal page for its purpose, under the portal path', () => {
    expect(portalLink('https://help.acme.test', 'set_password', 'abc')).toBe('https://help.acme.test/set-password?token=abc');
    expect(portalLink('https://acme.test/support/', 'verify_email', 'a-b_c')).toBe('https://acme.test/support/verify-email?token=a-b_c');
  });
});
