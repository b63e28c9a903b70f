import { hashPassword, passwordMatches, passwordProblem, unusablePasswordHash } from './password-hash';

describe('password hashing', () => {
  it('matches the password it was made from and nothing else', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain('correct horse');
    await expect(passwordMatches('correct horse battery', stored)).resolves.toBe(true);
    await expect(passwordMatches('correct horse batterY', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'));
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait 42');
    await expect(passwordMatches('cafe\u0301 au lait 42', stored)).resolves.toBe(true);
  });

  it('never matches the placeholder hash or a malformed one', async () => {
    await expect(passwordMatches('', unusablePasswordHash)).resolves.toBe(false);
    await expect(passwordMatches('anything at all', 'plain-text')).resolves.toBe(false);
  });
});

describe('passwordProblem', () => {
  it('accepts a long enough password', () => {
    expect(passwordProblem('a long passphrase', 'jane@acme.test')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(passwordProblem('short', 'jane@acme.test')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(201), 'jane@acme.test')).toMatch(/at most 200/);
    expect(passwordProblem('Jane@Acme.test', 'jane@acme.test')).toMatch(/email/);
    expect(passwordProblem('abababababab', 'jane@acme.test')).toMatch(/same few characters/);
  });
});
