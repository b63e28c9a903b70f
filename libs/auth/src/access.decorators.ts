import { createParamDecorator, ExecutionContext, SetMetadata, Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Principal } from './principal';

/** Who may call a route. Without a decorator a route is for agents of either role. */
export type Audience = 'anyone' | 'anyone-token-optional' | 'admins' | 'agents' | 'agents-and-contacts' | 'contacts' | 'route-guarded';

export const audienceKey = 'helpgate:audience';

/** No token needed: health checks, sign-in and one-time links. */
export const Public = () => SetMetadata(audienceKey, 'anyone' satisfies Audience);
/**
 * No token needed, but one that is sent is verified (an invalid one is refused as on any route) and its holder given
 * to the handler through `@OptionalPrincipal()`: public content that a signed-in contact sees as their own.
 */
export const TokenOptional = () => SetMetadata(audienceKey, 'anyone-token-optional' satisfies Audience);
export const AdminsOnly = () => SetMetadata(audienceKey, 'admins' satisfies Audience);
/** Contacts may call it too; the handler must then limit what it returns to the contact's own data. */
export const ContactsToo = () => SetMetadata(audienceKey, 'agents-and-contacts' satisfies Audience);
/**
 * The route's own guard checks the bearer token, the shared guard lets it through: for a service that accepts tokens
 * of its own besides identity's (chat's visitor conversation tokens). The route must carry that guard (`@UseGuards`).
 */
export const GuardedByRoute = () => SetMetadata(audienceKey, 'route-guarded' satisfies Audience);
/** For contacts only (a customer's own view, such as the tickets portal); agents are refused. */
export const ContactsOnly = () => SetMetadata(audienceKey, 'contacts' satisfies Audience);

/** Who may call a route: its handler's decorator, else its controller's, else agents. */
export function audienceOf(reflector: Reflector, handler: Function, controller: Type): Audience {
  return reflector.getAllAndOverride<Audience | undefined>(audienceKey, [handler, controller]) ?? 'agents';
}

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** The verified caller of a route that needs a token. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

/** The verified caller of a `@TokenOptional()` route, or `undefined` when no token was sent. */
export const OptionalPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
