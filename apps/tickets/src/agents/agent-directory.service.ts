import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { IdentityAgentChangedV1 } from '@helpgate/contracts';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { AgentsRepository } from './agents.repository';

/**
 * The agents tickets knows from identity's events: who may be given a ticket, and the name shown for an assignee.
 * Only the id, name and whether the agent is active are kept; identity owns the rest of the staff's data.
 */
@Injectable()
export class AgentDirectoryService {
  constructor(private readonly agents: AgentsRepository) {}

  async learn(event: IdentityAgentChangedV1, manager: EntityManager): Promise<void> {
    const { id, name, active } = event.agent;
    await this.agents.save({ id, name, active }, new Date(event.occurredAt), manager);
  }

  /** An assignee must be an agent identity told about, and active. */
  async requireAssignable(agentId: string, manager: EntityManager): Promise<void> {
    const agent = await this.agents.findById(agentId, manager);
    if (!agent) {
      throw new TicketsException(TicketsErrorCode.UnknownAssignee, `No agent ${agentId} is known here: add the agent in identity first`);
    }
    if (!agent.active) throw new TicketsException(TicketsErrorCode.InactiveAssignee, `The agent ${agentId} is deactivated`);
  }
}
