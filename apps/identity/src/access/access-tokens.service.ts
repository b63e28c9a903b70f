import { Inject, Injectable } from '@nestjs/common';
import { signToken, TokenClaims } from '@helpgate/auth';
import type { AccessConfig } from '../config';
import type { AccessTokenDto } from './access.dto';
import { ACCESS_CONFIG } from './one-time-links.service';

/** Whom an access token is for, and what it lets them do. */
export type TokenSubject = { kind: 'agent'; sub: string; role: 'admin' | 'agent' } | { kind: 'contact'; sub: string; primaryOf: string[] };

/** Signs short-lived access tokens with identity's private key; every service verifies them with the public key. */
@Injectable()
export class AccessTokensService {
  constructor(@Inject(ACCESS_CONFIG) private readonly config: AccessConfig) {}

  issue(subject: TokenSubject): AccessTokenDto {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.config.accessTokenTtlSeconds;
    const claims = { ...subject, iss: 'helpgate-identity', iat: now, exp } as TokenClaims;
    const { privateKey, keyId } = this.config.signingKey;
    return { accessToken: signToken(claims, privateKey, keyId), tokenType: 'Bearer', expiresAt: new Date(exp * 1000).toISOString() };
  }
}
