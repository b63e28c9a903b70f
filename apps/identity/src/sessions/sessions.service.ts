import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AccessConfig } from '../config';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { newSecretToken, secretTokenHash } from '../domain/secret-token';
import { ACCESS_CONFIG } from '../access/one-time-links.service';
import { RevocationReason, refreshOutcome } from './refresh-rotation';
import { SessionSubject, SessionsRepository } from './sessions.repository';

/** The refresh token a session is renewed with, given once to its holder. */
export interface RefreshGrant {
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** How long an ended session and its refresh tokens are kept. */
export const endedSessionDays = 30;

/**
 * Sessions that last `IDENTITY_SESSION_TTL` from sign-in, renewed by refresh tokens that work once each: every
 * renewal swaps the token, and a swapped token presented again revokes the whole session.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    @Inject(ACCESS_CONFIG) private readonly config: AccessConfig,
  ) {}

  /**
   * Deletes up to `limit` sessions that ended (expired or revoked) more than `endedSessionDays` ago with their refresh
   * tokens. Until then a rotated token presented again is still recognised as reused, and whoever looks into a sign-in
   * finds its session; past that, a token of the session is merely unknown, which refuses it just the same.
   */
  async purgeEnded(limit: number): Promise<number> {
    return this.sessions.purgeEnded(new Date(Date.now() - endedSessionDays * 86_400_000), limit);
  }

  async start(subject: SessionSubject): Promise<RefreshGrant> {
    const secret = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlSeconds * 1000);
    await this.dataSource.transaction((manager) => this.sessions.create(subject, expiresAt, secret.tokenHash, manager));
    return { refreshToken: secret.token, refreshTokenExpiresAt: expiresAt };
  }

  /** Swaps a refresh token for a new one of the same session; who the session is for, to issue its access token. */
  async rotate(refreshToken: string): Promise<{ subject: SessionSubject; grant: RefreshGrant }> {
    const tokenHash = secretTokenHash(refreshToken);
    const result = await this.dataSource.transaction(async (manager) => {
      const presented = await this.sessions.lockPresented(tokenHash, manager);
      const outcome = refreshOutcome(presented, new Date());
      if (outcome === 'reused') await this.sessions.revoke(presented!.sessionId, 'refresh_token_reused', manager);
      if (outcome !== 'rotate') return { outcome, presented };
      const secret = newSecretToken();
      await this.sessions.rotate(presented!.sessionId, tokenHash, secret.tokenHash, manager);
      const grant = { refreshToken: secret.token, refreshTokenExpiresAt: presented!.session.expiresAt };
      return { outcome, presented, grant };
    });
    if (result.outcome === 'reused') {
      this.logger.warn(
        { sessionId: result.presented!.sessionId, ...subjectFields(result.presented!.subject) },
        'refresh token reused: session revoked',
      );
      throw new IdentityException(
        IdentityErrorCode.RefreshTokenReused,
        'This refresh token was already used: the session is ended, sign in again',
      );
    }
    if (!result.grant) throw refreshTokenInvalid();
    return { subject: result.presented!.subject, grant: result.grant };
  }

  /** Ends the session of a refresh token; a token that renews nothing is ignored, so signing out twice is harmless. */
  async signOut(refreshToken: string): Promise<void> {
    const sessionId = await this.sessions.sessionIdOf(secretTokenHash(refreshToken));
    if (sessionId) await this.sessions.revoke(sessionId, 'signed_out');
  }

  /** Ends every session of an account (its password changed, it was deactivated), in the caller's transaction. */
  async endAllOf(subject: SessionSubject, reason: RevocationReason, manager: EntityManager): Promise<void> {
    const revoked = await this.sessions.revokeAllOf(subject, reason, manager);
    if (revoked > 0) this.logger.log({ ...subjectFields(subject), revoked, reason }, 'sessions revoked');
  }
}

export const refreshTokenInvalid = () =>
  new IdentityException(IdentityErrorCode.RefreshTokenInvalid, 'The refresh token is missing, unknown, expired or revoked: sign in again');

const subjectFields = (subject: SessionSubject) => ({ subjectKind: subject.kind, subjectId: subject.id });
