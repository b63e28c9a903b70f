import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '@helpgate/auth';
import type { TicketActor } from '@helpgate/contracts';

export type AgentActor = Extract<TicketActor, { type: 'agent' }>;

/** The signed-in agent making the request, as the actor of what it changes (routes are for agents unless marked). */
export const CurrentAgent = createParamDecorator((_data: unknown, context: ExecutionContext): AgentActor => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal?.kind !== 'agent') throw new Error('CurrentAgent used on a route open to others than agents');
  return { type: 'agent', id: principal.agentId };
});
