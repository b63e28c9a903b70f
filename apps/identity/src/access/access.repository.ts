import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import type { Agent, SubjectKind } from '../agents/agent';
import type { LinkPurpose } from './one-time-link';

interface AgentRow {
  id: string;
  email: string;
  name: string;
  role: Agent['role'];
  languages: string[];
  chat_capacity: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const toAgent = (row: AgentRow): Agent => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  languages: row.languages,
  chatCapacity: row.chat_capacity,
  active: row.active,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export type NewAgent = Pick<Agent, 'email' | 'name' | 'role' | 'languages' | 'chatCapacity'>;
export type AgentChanges = Partial<Pick<Agent, 'name' | 'role' | 'languages' | 'chatCapacity' | 'active'>>;

export interface StoredLink {
  purpose: LinkPurpose;
  subjectKind: SubjectKind;
  subjectId: string;
  email: string;
}

/** Agents, passwords and one-time links: every query of sign-in and staff management. */
@Injectable()
export class AccessRepository {
  constructor(private readonly dataSource: DataSource) {}

  async createAgent(agent: NewAgent, manager: EntityManager): Promise<Agent | null> {
    const rows: AgentRow[] = await manager.query(
      `INSERT INTO agents (email, name, role, languages, chat_capacity) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING *`,
      [agent.email, agent.name, agent.role, agent.languages, agent.chatCapacity],
    );
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async updateAgent(id: string, changes: AgentChanges, manager: EntityManager): Promise<Agent | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [AgentRow[], number] = await manager.query(
      `UPDATE agents SET name = coalesce($2, name), role = coalesce($3, role), languages = coalesce($4, languages),
         chat_capacity = coalesce($5, chat_capacity), active = coalesce($6, active), updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, changes.name ?? null, changes.role ?? null, changes.languages ?? null, changes.chatCapacity ?? null, changes.active ?? null],
    );
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async findAgent(id: string, manager: EntityManager = this.dataSource.manager): Promise<Agent | null> {
    const rows: AgentRow[] = await manager.query('SELECT * FROM agents WHERE id = $1', [id]);
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async findAgentByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<Agent | null> {
    const rows: AgentRow[] = await manager.query('SELECT * FROM agents WHERE email = $1', [email]);
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async listAgents({ limit, offset }: Page): Promise<[Agent[], number]> {
    const rows: (AgentRow & { total: string })[] = await this.dataSource.query(
      'SELECT *, count(*) OVER () AS total FROM agents ORDER BY name, id LIMIT $1 OFFSET $2',
      [limit, offset],
    );
    return [rows.map(toAgent), Number(rows[0]?.total ?? 0)];
  }

  async activeAdminCount(manager: EntityManager): Promise<number> {
    const [row]: { count: string }[] = await manager.query("SELECT count(*) FROM agents WHERE role = 'admin' AND active");
    return Number(row!.count);
  }

  async anyAgentExists(manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM agents LIMIT 1');
    return rows.length > 0;
  }

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
