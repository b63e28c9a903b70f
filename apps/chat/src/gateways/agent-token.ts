import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { CHAT_SETTINGS, TOKEN_KEYS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { identityTokenClaims } from '../domain/identity-token';
import type { ChatSocket, TokenExpiry } from './chat-socket';

/**
 * Agents' access tokens on the socket: verified like every HTTP route's (libs/auth), and followed while connected:
 * `token_expiring` comes before the token's end, a `renew` with a fresh token of the same agent starts over, and at
 * the end without one the server emits `token_expired` and disconnects (a token is never kept silently).
 */
@Injectable()
export class AgentTokens {
  constructor(
    @Inject(TOKEN_KEYS) private readonly publicKeys: ReadonlyMap<string, KeyObject>,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  /** The agent id of a valid agent token; the socket's expiry is followed from now on. */
  authenticate(socket: ChatSocket, token: unknown): string {
    const claims = this.verify(token);
    if (socket.data.agentId && socket.data.agentId !== claims.sub) {
      throw new ChatException(ChatErrorCode.Unauthenticated, 'A renewed token must be of the same agent');
    }
    this.follow(socket, claims.exp * 1000);
    return claims.sub;
  }

  forget(socket: ChatSocket): void {
    const expiry = socket.data.tokenExpiry;
    if (!expiry) return;
    clearTimeout(expiry.expiring);
    clearTimeout(expiry.expired);
  }

  private verify(token: unknown) {
    if (typeof token !== 'string') throw new ChatException(ChatErrorCode.Unauthenticated, 'An agent token is required');
    const claims = identityTokenClaims(token, this.publicKeys);
    if (claims.kind !== 'agent')
      throw new ChatException(ChatErrorCode.Unauthenticated, '/agent is for agents: use /visitor with a contact token');
    if (claims.exp * 1000 <= Date.now()) throw new ChatException(ChatErrorCode.TokenExpired, 'The token has expired: sign in again');
    return claims;
  }

  private follow(socket: ChatSocket, expiresAtMs: number): void {
    this.forget(socket);
    const expiresAt = new Date(expiresAtMs).toISOString();
    const now = Date.now();
    socket.data.tokenExpiry = {
      expiring: setTimeout(() => socket.emit('token_expiring', { expiresAt }), Math.max(0, expiresAtMs - this.settings.tokenRenewMs - now)),
      expired: setTimeout(() => {
        socket.emit('token_expired', { expiredAt: expiresAt });
        socket.disconnect(true);
      }, expiresAtMs - now),
    } satisfies TokenExpiry;
  }
}
