import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { KeyObject } from 'node:crypto';
import { Audience, audienceOf, AuthenticatedRequest } from './access.decorators';
import { AuthErrorCode, AuthException } from './auth.exception';
import { principalOf } from './principal';
import { ExpiredTokenError, InvalidTokenError, verifyToken } from './signed-token';

export const TOKEN_PUBLIC_KEYS = Symbol('TOKEN_PUBLIC_KEYS');

const contactAudiences = new Set<Audience>(['anyone-token-optional', 'agents-and-contacts', 'contacts']);

/**
 * Every HTTP route needs a valid token unless marked `@Public()` (or `@TokenOptional()`, where a token sent is checked
 * all the same, or `@GuardedByRoute()`, whose own guard checks it); the route's audience decides who may call it.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_PUBLIC_KEYS) private readonly publicKeys: ReadonlyMap<string, KeyObject>,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const audience = audienceOf(this.reflector, context.getHandler(), context.getClass());
    if (audience === 'anyone' || audience === 'route-guarded') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (audience === 'anyone-token-optional' && request.headers.authorization === undefined) return true;
    const principal = principalOf(this.verifiedClaims(request.headers.authorization));
    if (principal.kind === 'contact' && !contactAudiences.has(audience)) {
      throw new AuthException(AuthErrorCode.WrongAudience, 'This API is for agents');
    }
    if (principal.kind === 'agent' && audience === 'contacts') throw new AuthException(AuthErrorCode.WrongAudience, 'This API is for contacts');
    if (audience === 'admins' && !(principal.kind === 'agent' && principal.role === 'admin')) {
      throw new AuthException(AuthErrorCode.WrongAudience, 'This API is for admins');
    }
    request.principal = principal;
    return true;
  }

  private verifiedClaims(authorization: string | undefined) {
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new AuthException(AuthErrorCode.TokenMissing, 'A bearer token is required');
    try {
      return verifyToken(token, this.publicKeys, Math.floor(Date.now() / 1000));
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      const code = error instanceof ExpiredTokenError ? AuthErrorCode.TokenExpired : AuthErrorCode.TokenInvalid;
      throw new AuthException(code, `Invalid token: ${error.message}`, { cause: error });
    }
  }
}
