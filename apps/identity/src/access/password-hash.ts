import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

/**
 * Passwords are hashed with scrypt, which is memory-hard: N=2^15, r=8 needs 32 MiB per hash, so guessing
 * on GPUs is expensive. Parameters are stored with each hash, so they can be raised without breaking old ones.
 */
const current = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * options.N! * options.r!;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, current);
  return ['scrypt', current.N, current.r, current.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of no real password, checked when the account does not exist so the answer takes as long either way. */
export const unusablePasswordHash = `scrypt$${current.N}$${current.r}$${current.p}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(keyLength).toString('base64url')}`;

export const passwordRules = { minLength: 10, maxLength: 200 } as const;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < passwordRules.minLength) return `must be at least ${passwordRules.minLength} characters`;
  if (length > passwordRules.maxLength) return `must be at most ${passwordRules.maxLength} characters`;
  if (password.trim().toLowerCase() === email.toLowerCase()) return 'must not be the email address';
  if (new Set(password).size < 4) return 'must not repeat the same few characters';
  return null;
}
