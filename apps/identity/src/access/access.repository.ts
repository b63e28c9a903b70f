import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { LinkPurpose, SubjectKind } from './one-time-link';

export interface StoredLink {
  purpose: LinkPurpose;
  subjectKind: SubjectKind;
  subjectId: string;
  email: string;
}

/** Passwords and one-time links, of agents and contacts alike: every query of sign-in and of the links. */
@Injectable()
export class AccessRepository {
  constructor(private readonly dataSource: DataSource) {}

  async passwordHashOf(kind: SubjectKind, id: string): Promise<string | null> {
    const rows: { password_hash: string }[] = await this.dataSource.query(
      'SELECT password_hash FROM credentials WHERE subject_kind = $1 AND subject_id = $2',
      [kind, id],
    );
    return rows[0]?.password_hash ?? null;
  }

  async setPassword(kind: SubjectKind, id: string, passwordHash: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO credentials (subject_kind, subject_id, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (subject_kind, subject_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = now()`,
      [kind, id, passwordHash],
    );
  }

  async addLink(tokenHash: string, link: StoredLink, expiresAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO one_time_links (token_hash, purpose, subject_kind, subject_id, email, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [tokenHash, link.purpose, link.subjectKind, link.subjectId, link.email, expiresAt],
    );
  }

  /** Uses up an unexpired, unused link; null when there is none (wrong, expired or already used). */
  async consumeLink(tokenHash: string, purpose: LinkPurpose, manager: EntityManager): Promise<StoredLink | null> {
    const [rows]: [{ purpose: LinkPurpose; subject_kind: SubjectKind; subject_id: string; email: string }[], number] = await manager.query(
      `UPDATE one_time_links SET used_at = now()
       WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING purpose, subject_kind, subject_id, email`,
      [tokenHash, purpose],
    );
    const row = rows[0];
    return row ? { purpose: row.purpose, subjectKind: row.subject_kind, subjectId: row.subject_id, email: row.email } : null;
  }

  /** A new link replaces the unused ones of the same purpose, so only the latest mail works. */
  async retireLinks(kind: SubjectKind, id: string, purpose: LinkPurpose, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE one_time_links SET used_at = now() WHERE subject_kind = $1 AND subject_id = $2 AND purpose = $3 AND used_at IS NULL',
      [kind, id, purpose],
    );
  }
}
