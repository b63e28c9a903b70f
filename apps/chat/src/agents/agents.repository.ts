import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IdentityAgentChangedV1 } from '@helpgate/contracts';
import type { AgentCandidate } from '../routing/choose-agent';
import { AgentEntity, ChosenStatus } from './agent.entity';

/** A connection counts while its lease runs: its instance renews it, a dead instance's connections lapse. */
const live = 'lease_until > now()';

@Injectable()
export class AgentsRepository {
  /** Keeps what identity said last: a fact older than the one stored is ignored. */
  async learn(agent: IdentityAgentChangedV1['agent'], knownAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO chat_agents (id, name, languages, chat_capacity, active, known_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, languages = excluded.languages,
           chat_capacity = excluded.chat_capacity, active = excluded.active, known_at = excluded.known_at
          WHERE chat_agents.known_at <= excluded.known_at`,
      [agent.id, agent.name, agent.languages, agent.chatCapacity, agent.active, knownAt],
    );
  }

  async findById(id: string, manager: EntityManager): Promise<AgentEntity | null> {
    return manager.getRepository(AgentEntity).findOneBy({ id });
  }

  async namesOf(ids: readonly string[], manager: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await manager.query('SELECT id, name FROM chat_agents WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /**
   * Locks the agent's row for an assignment and answers how many chats it has: concurrent assignments to one agent
   * queue behind this lock, so its capacity holds whatever the number of instances and accepts at once.
   */
  async lockForAssignment(id: string, manager: EntityManager): Promise<{ agent: AgentEntity; activeChats: number } | null> {
    const agent = await manager.getRepository(AgentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!agent) return null;
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM conversations WHERE assigned_agent_id = $1 AND state = 'assigned'`,
      [id],
    );
    return { agent, activeChats: count };
  }

  async markAssigned(id: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE chat_agents SET last_assigned_at = now() WHERE id = $1', [id]);
  }

  async setChosenStatus(id: string, status: ChosenStatus, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE chat_agents SET chosen_status = $2 WHERE id = $1', [id, status]);
  }

  /** Active agents with a live connection, as routing sees them. */
  async onlineCandidates(manager: EntityManager): Promise<AgentCandidate[]> {
    const rows: {
      id: string;
      languages: string[];
      chat_capacity: number;
      chosen_status: ChosenStatus;
      last_assigned_at: Date | null;
      active_chats: number;
    }[] = await manager.query(
      `SELECT a.id, a.languages, a.chat_capacity, a.chosen_status, a.last_assigned_at,
                (SELECT count(*)::int FROM conversations c WHERE c.assigned_agent_id = a.id AND c.state = 'assigned') AS active_chats
           FROM chat_agents a
          WHERE a.active AND EXISTS (SELECT 1 FROM agent_connections k WHERE k.agent_id = a.id AND k.${live})`,
    );
    return rows.map((row) => ({
      agentId: row.id,
      languages: row.languages,
      capacity: row.chat_capacity,
      activeChats: row.active_chats,
      available: row.chosen_status === 'available',
      lastAssignedAt: row.last_assigned_at,
    }));
  }
}
