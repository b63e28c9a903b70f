import { newSecretToken, secretTokenHash } from './secret-token';

describe('secret tokens', () => {
  it('keeps only a digest of the token', () => {
    const secret = newSecretToken();
    expect(secret.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secret.tokenHash).toBe(secretTokenHash(secret.token));
    expect(secret.tokenHash).not.toContain(secret.token);
    expect(newSecretToken().token).not.toBe(secret.token);
  });
});
