import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import type { TicketActor } from '@helpgate/contracts';

export type AgentActor = Extract<TicketActor, { type: 'agent' }>;

export const agentIdHeader = 'x-agent-id';

const agentId = z.uuid();

/** The agent making the request, named by the `X-Agent-Id` header until agents sign in with tokens. */
export const CurrentAgent = createParamDecorator((_data: unknown, context: ExecutionContext): AgentActor => {
  const header = context.switchToHttp().getRequest<Request>().headers[agentIdHeader];
  const parsed = agentId.safeParse(header);
  if (!parsed.success) {
    throw new BadRequestException({
      statusCode: 400,
      message: 'Invalid request',
      errors: [{ path: agentIdHeader, message: "must be the acting agent's id (a UUID)" }],
    });
  }
  return { type: 'agent', id: parsed.data };
});
