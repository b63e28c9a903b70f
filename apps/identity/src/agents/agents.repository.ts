import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import type { Agent } from './agent';

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

/** The staff: every query on agents (their passwords and links are the access repository's). */
@Injectable()
export class AgentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(agent: NewAgent, manager: EntityManager): Promise<Agent | null> {
    const rows: AgentRow[] = await manager.query(
      `INSERT INTO agents (email, name, role, languages, chat_capacity) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING *`,
      [agent.email, agent.name, agent.role, agent.languages, agent.chatCapacity],
    );
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async update(id: string, changes: AgentChanges, manager: EntityManager): Promise<Agent | null> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [rows]: [AgentRow[], number] = await manager.query(
      `UPDATE agents SET name = coalesce($2, name), role = coalesce($3, role), languages = coalesce($4, languages),
         chat_capacity = coalesce($5, chat_capacity), active = coalesce($6, active), updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, changes.name ?? null, changes.role ?? null, changes.languages ?? null, changes.chatCapacity ?? null, changes.active ?? null],
    );
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Agent | null> {
    const rows: AgentRow[] = await manager.query('SELECT * FROM agents WHERE id = $1', [id]);
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<Agent | null> {
    const rows: AgentRow[] = await manager.query('SELECT * FROM agents WHERE email = $1', [email]);
    return rows[0] ? toAgent(rows[0]) : null;
  }

  async list({ limit, offset }: Page): Promise<[Agent[], number]> {
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

  async anyExists(manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM agents LIMIT 1');
    return rows.length > 0;
  }
}
