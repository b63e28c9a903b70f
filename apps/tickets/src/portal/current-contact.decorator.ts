import { createParamDecorator, ExecutionContext, ForbiddenException } from '@nestjs/common';
import type { AuthenticatedRequest, ContactPrincipal } from '@helpgate/auth';

/**
 * The signed-in contact calling the portal. Agents are refused with a 403: the portal shows a customer their own
 * tickets, which an agent has none of; agents read every ticket through `/tickets`.
 */
export const CurrentContact = createParamDecorator((_data: unknown, context: ExecutionContext): ContactPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal?.kind !== 'contact') throw new ForbiddenException('The portal is for contacts; agents use /tickets');
  return principal;
});
