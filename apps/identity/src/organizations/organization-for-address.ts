import { domainAndParents } from '../domain/email-address';

/** A domain as an organization registered it. */
export interface RegisteredDomain {
  domain: string;
  organizationId: string;
  includeSubdomains: boolean;
}

export type AddressMatch =
  | { outcome: 'unmatched' }
  | { outcome: 'matched'; organizationId: string; registeredDomain: RegisteredDomain }
  /** More than one organization claims the address with nothing to choose between them: a person decides. */
  | { outcome: 'ambiguous'; claims: RegisteredDomain[] };

/**
 * Which organization a mail domain belongs to. A registered domain claims itself, and its subdomains when it
 * includes them; the most specific claim wins. The match is ambiguous when the most specific claims come
 * from several organizations, or when another organization registered a more specific domain on the way
 * to the address without its subdomains (`lab.physics.uni.test`, with `uni.test` and its subdomains
 * registered by one organization and `physics.uni.test` alone by another).
 */
export function organizationForAddress(domain: string, registeredDomains: readonly RegisteredDomain[]): AddressMatch {
  const path = domainAndParents(domain);
  const onPath = registeredDomains.filter((registered) => path.includes(registered.domain));
  const claiming = onPath.filter((registered) => registered.domain === domain || registered.includeSubdomains);
  if (claiming.length === 0) return { outcome: 'unmatched' };

  const specificityOf = (registered: RegisteredDomain) => registered.domain.split('.').length;
  const bestSpecificity = Math.max(...claiming.map(specificityOf));
  const best = claiming.filter((registered) => specificityOf(registered) === bestSpecificity);
  const winner = best[0]!;
  const rivals = onPath.filter(
    (registered) => registered.organizationId !== winner.organizationId && specificityOf(registered) >= bestSpecificity,
  );
  if (rivals.length > 0) return { outcome: 'ambiguous', claims: [...best, ...rivals.filter((rival) => !best.includes(rival))] };
  return { outcome: 'matched', organizationId: winner.organizationId, registeredDomain: winner };
}
