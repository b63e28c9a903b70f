import type { KeyObject } from 'node:crypto';
import { InvalidTokenError, TokenClaims, verifyToken } from '@helpgate/auth';
import { ChatErrorCode, ChatException } from './chat.exception';

/** The claims of an access token identity signed (an agent's or a contact's); anything else is `unauthenticated`. */
export function identityTokenClaims(token: string, publicKeys: ReadonlyMap<string, KeyObject>): TokenClaims {
  try {
    return verifyToken(token, publicKeys, Math.floor(Date.now() / 1000));
  } catch (error) {
    if (error instanceof InvalidTokenError)
      throw new ChatException(ChatErrorCode.Unauthenticated, `Invalid token: ${error.message}`, { cause: error });
    throw error;
  }
}
