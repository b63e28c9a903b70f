import type { TokenClaims } from './signed-token';

export type AgentRole = 'admin' | 'agent';

export interface AgentPrincipal {
  kind: 'agent';
  agentId: string;
  role: AgentRole;
}

export interface ContactPrincipal {
  kind: 'contact';
  contactId: string;
  /** Organizations whose tickets this contact may see. */
  primaryOf: string[];
}

/** Who is calling, as proven by the token. */
export type Principal = AgentPrincipal | ContactPrincipal;

export function principalOf(claims: TokenClaims): Principal {
  return claims.kind === 'agent'
    ? { kind: 'agent', agentId: claims.sub, role: claims.role }
    : { kind: 'contact', contactId: claims.sub, primaryOf: claims.primaryOf };
}

/** How a change's author is recorded in audit trails: `agent:<id>` or `contact:<id>`. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'agent' ? `agent:${principal.agentId}` : `contact:${principal.contactId}`;
}
