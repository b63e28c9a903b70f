import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Until agents sign in, the caller names themselves in this header; without it a change is the system's. */
export const actorHeader = 'x-actor';
export const systemActor = 'system';

const printableLine = /^[^\p{Cc}]{1,200}$/u;

export function actorFrom(header: string | string[] | undefined): string {
  const actor = typeof header === 'string' ? header.trim() : '';
  if (!actor) return systemActor;
  if (!printableLine.test(actor)) {
    throw new BadRequestException({
      statusCode: 400,
      message: 'Invalid request',
      errors: [{ path: actorHeader, message: 'must be one line of at most 200 characters' }],
    });
  }
  return actor;
}

/** The actor of a request, from the `X-Actor` header. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): string =>
  actorFrom(context.switchToHttp().getRequest<Request>().headers[actorHeader]),
);
