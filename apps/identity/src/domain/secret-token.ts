import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@helpgate/platform';

export interface NewSecretToken {
  /** Given to its holder only (in a link, a refresh token); never stored. */
  token: string;
  tokenHash: string;
}

/** 256 random bits, URL-safe; only their digest is stored, so a leaked database opens no accounts. */
export function newSecretToken(): NewSecretToken {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: secretTokenHash(token) };
}

export function secretTokenHash(token: string): string {
  return sha256Hex(token);
}
