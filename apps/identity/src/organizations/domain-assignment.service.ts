import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { normalizeDomain } from '../domain/email-address';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { DomainConflictsRepository } from './domain-conflicts.repository';
import { AddressMatch, organizationForAddress, RegisteredDomain } from './organization-for-address';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';
import { PublicMailDomains } from './public-mail-domains';

export interface Placement {
  organization: OrganizationEntity;
  /** The claims that made the domain ambiguous; empty when it was not. */
  conflictingClaims: RegisteredDomain[];
}

/** Which organization an address belongs to, by the domains organizations registered. */
@Injectable()
export class DomainAssignmentService {
  private readonly logger = new Logger(DomainAssignmentService.name);

  constructor(
    private readonly publicDomains: PublicMailDomains,
    private readonly organizations: OrganizationsRepository,
    private readonly conflicts: DomainConflictsRepository,
  ) {}

  /** The normalized form of a domain an organization may own: never a free-mail or disposable one. */
  requireOwnable(raw: string): string {
    const domain = requireDomain(raw);
    const kind = this.publicDomains.kindOf(domain);
    if (kind === 'free-mail') {
      throw new IdentityException(
        IdentityErrorCode.FreeMailDomain,
        `${domain} is a free-mail domain: its addresses belong to no organization`,
      );
    }
    if (kind === 'disposable') {
      throw new IdentityException(
        IdentityErrorCode.DisposableDomain,
        `${domain} is a disposable-mail domain: it belongs to no organization`,
      );
    }
    return domain;
  }

  /** How the registered domains match an address at `domain`; a public mail domain never matches. */
  async match(domain: string, manager: EntityManager): Promise<AddressMatch> {
    return (await this.matchAll([domain], manager)).get(domain)!;
  }

  /** Where a new contact with an address at `domain` goes: the matching organization, else "Unassigned". */
  async placeNewContact(domain: string, manager: EntityManager): Promise<Placement> {
    return (await this.placeNewContacts([domain], manager)).get(domain)!;
  }

  /**
   * `placeNewContact` for the addresses at several domains, by domain, in a few statements. The shared lock
   * it takes holds until the transaction ends, so the placements stay right for every contact it creates.
   */
  async placeNewContacts(domains: readonly string[], manager: EntityManager): Promise<Map<string, Placement>> {
    await this.organizations.lockDomains(manager, 'shared');
    const matches = await this.matchAll(domains, manager);
    const matchedIds = [...matches.values()].flatMap((match) => (match.outcome === 'matched' ? [match.organizationId] : []));
    const organizations = new Map(
      (await this.organizations.findByIds([...new Set(matchedIds)], manager)).map((found) => [found.id, found]),
    );
    const needsDefault = [...matches.values()].some((match) => match.outcome !== 'matched');
    const unassigned = needsDefault ? await this.organizations.getDefault(manager) : undefined;
    const placements = new Map<string, Placement>();
    for (const [domain, match] of matches) {
      placements.set(
        domain,
        match.outcome === 'matched'
          ? { organization: organizations.get(match.organizationId)!, conflictingClaims: [] }
          : { organization: unassigned!, conflictingClaims: match.outcome === 'ambiguous' ? match.claims : [] },
      );
    }
    return placements;
  }

  private async matchAll(domains: readonly string[], manager: EntityManager): Promise<Map<string, AddressMatch>> {
    const ownable = [...new Set(domains)].filter((domain) => !this.publicDomains.kindOf(domain));
    const registered = ownable.length > 0 ? await this.organizations.findRegisteredOnPaths(ownable, manager) : [];
    return new Map(
      domains.map((domain) => [
        domain,
        this.publicDomains.kindOf(domain) ? { outcome: 'unmatched' } : organizationForAddress(domain, registered),
      ]),
    );
  }

  /** Keeps an ambiguous placement for agents to settle (`GET /organizations/conflicts`). */
  async recordConflict(contactId: string, domain: string, claims: RegisteredDomain[], manager: EntityManager): Promise<void> {
    await this.conflicts.record(contactId, domain, claims, manager);
    this.logger.warn(
      {
        contactId,
        organizationIds: [...new Set(claims.map((claim) => claim.organizationId))],
        claimedDomains: claims.map((claim) => claim.domain),
      },
      'several organizations claim the address domain of a new contact: contact left unassigned',
    );
  }
}

export function requireDomain(raw: string): string {
  const domain = normalizeDomain(raw);
  if (!domain) throw new IdentityException(IdentityErrorCode.InvalidDomain, `"${raw}" is not a valid domain name`);
  return domain;
}
