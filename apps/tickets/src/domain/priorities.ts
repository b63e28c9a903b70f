import type { ticketPriorities } from '@helpgate/contracts';

export type TicketPriority = (typeof ticketPriorities)[number];

export interface PriorityDefinition {
  id: TicketPriority;
  name: string;
  /** What the priority means for the business, shown where customers and agents choose one. */
  description: string;
}

/** From lowest to highest. Priorities describe impact and urgency; they promise no resolution time. */
export const priorityDefinitions: readonly PriorityDefinition[] = [
  {
    id: 'low',
    name: 'Low',
    description:
      'Minor business impact: the problem is temporary or has a workaround, touches no key component and affects fewer than 5% of users.',
  },
  {
    id: 'normal',
    name: 'Normal',
    description:
      'Moderate business impact: some users cannot do part of their work, or a non-essential feature fails for some of them; a workaround exists.',
  },
  {
    id: 'high',
    name: 'High',
    description:
      'Major business impact: users cannot do work they are responsible for and no workaround exists, for example nobody can sign in, a key component fails for everyone, or a key person cannot use a key feature. Needs immediate action.',
  },
  {
    id: 'urgent',
    name: 'Urgent',
    description: 'A platform outage or a security incident in progress.',
  },
];
