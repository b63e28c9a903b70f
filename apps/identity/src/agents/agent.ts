import type { AgentRole } from '@helpgate/auth';

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

export type SubjectKind = 'agent' | 'contact';
