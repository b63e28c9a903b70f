import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AgentEntity } from './agent.entity';

/** Every write keeps what identity said last: a fact older than the one stored is ignored. */
@Injectable()
export class AgentsRepository {
  async save(agent: Omit<AgentEntity, 'knownAt'>, knownAt: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO agents (id, name, active, known_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = excluded.active, known_at = excluded.known_at
          WHERE agents.known_at <= excluded.known_at`,
      [agent.id, agent.name, agent.active, knownAt],
    );
  }

  async findById(id: string, manager: EntityManager): Promise<AgentEntity | null> {
    return manager.getRepository(AgentEntity).findOneBy({ id });
  }
}
