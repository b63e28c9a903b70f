import type { AgentRole } from '@helpgate/auth';
import type { LinkRecipient } from '../access/one-time-links.service';

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  languages: string[];
  chatCapacity: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The agent as the one a link is mailed to. */
export function agentLinkRecipient(agent: Agent): LinkRecipient {
  return { subjectKind: 'agent', subjectId: agent.id, email: agent.email, name: agent.name };
}
