import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, ContactPrincipal } from '@helpgate/auth';

/** The signed-in contact calling a route for contacts only (`@ContactsOnly()`, which refuses agents with 403). */
export const CurrentContact = createParamDecorator((_data: unknown, context: ExecutionContext): ContactPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal?.kind !== 'contact') throw new Error('CurrentContact used on a route open to others than contacts');
  return principal;
});
