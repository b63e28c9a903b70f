import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { domainAndParents } from '../domain/email-address';
import type { DomainRule } from './domain-rules';
import type { RegisteredDomain } from './organization-for-address';
import { OrganizationDomainEntity } from './organization-domain.entity';
import { OrganizationEntity } from './organization.entity';

const withDomains = { domains: true } as const;

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(name: string, domains: DomainRule[], manager: EntityManager): Promise<OrganizationEntity> {
    const organization = await manager.getRepository(OrganizationEntity).save({ name, isDefault: false });
    await this.addDomains(organization.id, domains, manager);
    return this.getById(organization.id, manager);
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity | null> {
    return manager.getRepository(OrganizationEntity).findOne({ where: { id }, relations: withDomains });
  }

  /** The id of the organization with this name, compared without case as names are unique; null when there is none. */
  async findIdByName(name: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM organizations WHERE lower(name) = lower($1)', [name]);
    return rows[0]?.id ?? null;
  }

  async getById(id: string, manager: EntityManager): Promise<OrganizationEntity> {
    return manager.getRepository(OrganizationEntity).findOneOrFail({ where: { id }, relations: withDomains });
  }

  /** The organizations with these ids, without their domains; ids of no organization are left out. */
  async findByIds(ids: readonly string[], manager: EntityManager): Promise<OrganizationEntity[]> {
    if (ids.length === 0) return [];
    return manager.getRepository(OrganizationEntity).find({ where: { id: In([...ids]) } });
  }

  /** The default organization, "Unassigned", for contacts no organization claims. */
  async getDefault(manager: EntityManager): Promise<OrganizationEntity> {
    return manager.getRepository(OrganizationEntity).findOneOrFail({ where: { isDefault: true } });
  }

  async list(page: Page): Promise<[OrganizationEntity[], number]> {
    return this.dataSource.getRepository(OrganizationEntity).findAndCount({
      relations: withDomains,
      order: { isDefault: 'DESC', name: 'ASC', domains: { domain: 'ASC' } },
      take: page.limit,
      skip: page.offset,
    });
  }

  async rename(id: string, name: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(OrganizationEntity).update({ id }, { name });
  }

  async setSupportContract(id: string, activeUntil: string | null, manager: EntityManager): Promise<void> {
    await manager.getRepository(OrganizationEntity).update({ id }, { supportContractActiveUntil: activeUntil });
  }

  /** Deletes the organization with its domains; its contacts must have been moved first. */
  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(OrganizationEntity).delete({ id });
  }

  async addDomains(organizationId: string, domains: DomainRule[], manager: EntityManager): Promise<void> {
    if (domains.length === 0) return;
    await manager.getRepository(OrganizationDomainEntity).insert(domains.map((domain) => ({ ...domain, organizationId })));
  }

  /** Removes one domain of the organization; false when the organization has no such domain. */
  async removeDomain(organizationId: string, domain: string, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(OrganizationDomainEntity).delete({ organizationId, domain });
    return (result.affected ?? 0) > 0;
  }

  async findDomainOwners(domains: string[], manager: EntityManager): Promise<OrganizationDomainEntity[]> {
    return manager.getRepository(OrganizationDomainEntity).find({ where: { domain: In(domains) }, relations: { organization: true } });
  }

  /** The registered domains that could claim an address at one of `domains`: the domains themselves and their parents. */
  async findRegisteredOnPaths(domains: readonly string[], manager: EntityManager): Promise<RegisteredDomain[]> {
    const onPaths = [...new Set(domains.flatMap(domainAndParents))];
    const registered = await manager.getRepository(OrganizationDomainEntity).find({ where: { domain: In(onPaths) } });
    return registered.map(({ domain, organizationId, includeSubdomains }) => ({ domain, organizationId, includeSubdomains }));
  }

  /**
   * Domain changes take this lock exclusively and contact creation shares it, so a contact is never created
   * against domains that a concurrent change (and its moving of existing contacts) is about to replace.
   */
  async lockDomains(manager: EntityManager, mode: 'exclusive' | 'shared'): Promise<void> {
    const lock = mode === 'exclusive' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
    await manager.query(`SELECT ${lock}(hashtextextended('identity.organization_domains', 0))`);
  }
}
