import type { RegisteredDomain } from './organization-for-address';

/** A domain as an organization asks for it. */
export type DomainRule = Omit<RegisteredDomain, 'organizationId'>;

/** One rule per domain; a domain listed twice includes its subdomains when either listing asks for them. */
export function mergeDuplicateDomains(rules: readonly DomainRule[]): DomainRule[] {
  const merged = new Map<string, DomainRule>();
  for (const rule of rules) {
    const includeSubdomains = rule.includeSubdomains || (merged.get(rule.domain)?.includeSubdomains ?? false);
    merged.set(rule.domain, { domain: rule.domain, includeSubdomains });
  }
  return [...merged.values()];
}
