import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { SubjectKind } from '../access/one-time-link';
import type { RevocationReason, StoredRefreshToken } from './refresh-rotation';

/** Who a session signs in. */
export interface SessionSubject {
  kind: SubjectKind;
  id: string;
}

export interface PresentedRefreshToken extends StoredRefreshToken {
  sessionId: string;
  subject: SessionSubject;
}

interface PresentedRow {
  session_id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  rotated_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date;
}

/** Sessions and their refresh tokens (digests only): every query of sign-in sessions. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(subject: SessionSubject, expiresAt: Date, tokenHash: string, manager: EntityManager): Promise<void> {
    const [session]: { id: string }[] = await manager.query(
      'INSERT INTO sessions (subject_kind, subject_id, expires_at) VALUES ($1, $2, $3) RETURNING id',
      [subject.kind, subject.id, expiresAt],
    );
    await this.addToken(session!.id, tokenHash, manager);
  }

  /** The token with its session, both locked, so two presentations of one token are decided one after the other. */
  async lockPresented(tokenHash: string, manager: EntityManager): Promise<PresentedRefreshToken | null> {
    const rows: PresentedRow[] = await manager.query(
      `SELECT t.session_id, s.subject_kind, s.subject_id, t.rotated_at, s.revoked_at, s.expires_at
       FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
       WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? {
          sessionId: row.session_id,
          subject: { kind: row.subject_kind, id: row.subject_id },
          rotatedAt: row.rotated_at,
          session: { revokedAt: row.revoked_at, expiresAt: row.expires_at },
        }
      : null;
  }

  async rotate(sessionId: string, oldTokenHash: string, newTokenHash: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE refresh_tokens SET rotated_at = now() WHERE token_hash = $1', [oldTokenHash]);
    await this.addToken(sessionId, newTokenHash, manager);
  }

  async revoke(sessionId: string, reason: RevocationReason, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL', [
      sessionId,
      reason,
    ]);
  }

  /** Ends every open session of an account; how many there were. */
  async revokeAllOf(subject: SessionSubject, reason: RevocationReason, manager: EntityManager): Promise<number> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = $3
       WHERE subject_kind = $1 AND subject_id = $2 AND revoked_at IS NULL`,
      [subject.kind, subject.id, reason],
    );
    return count;
  }

  async sessionIdOf(tokenHash: string): Promise<string | null> {
    const rows: { session_id: string }[] = await this.dataSource.query('SELECT session_id FROM refresh_tokens WHERE token_hash = $1', [
      tokenHash,
    ]);
    return rows[0]?.session_id ?? null;
  }

  /** Deletes up to `limit` sessions that expired or were revoked before `endedBefore`, their refresh tokens with them. */
  async purgeEnded(endedBefore: Date, limit: number): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM sessions WHERE id IN (
         SELECT id FROM sessions WHERE expires_at < $1 OR revoked_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [endedBefore, limit],
    );
    return count;
  }

  private async addToken(sessionId: string, tokenHash: string, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO refresh_tokens (token_hash, session_id) VALUES ($1, $2)', [tokenHash, sessionId]);
  }
}
