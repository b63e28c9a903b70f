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

  /** Stores links (only their digests), all valid until `expiresAt`, in one statement. */
  async addLinks(links: readonly { tokenHash: string; link: StoredLink }[], expiresAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO one_time_links (token_hash, purpose, subject_kind, subject_id, email, expires_at)
       SELECT token_hash, purpose, subject_kind, subject_id, email, $6
         FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[]) AS link (token_hash, purpose, subject_kind, subject_id, email)`,
      [
        links.map(({ tokenHash }) => tokenHash),
        links.map(({ link }) => link.purpose),
        links.map(({ link }) => link.subjectKind),
        links.map(({ link }) => link.subjectId),
        links.map(({ link }) => link.email),
        expiresAt,
      ],
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
  async retireLinks(links: readonly StoredLink[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE one_time_links link SET used_at = now()
         FROM unnest($1::text[], $2::uuid[], $3::text[]) AS retired (subject_kind, subject_id, purpose)
        WHERE link.subject_kind = retired.subject_kind AND link.subject_id = retired.subject_id AND link.purpose = retired.purpose
          AND link.used_at IS NULL`,
      [links.map((link) => link.subjectKind), links.map((link) => link.subjectId), links.map((link) => link.purpose)],
    );
  }
}
