import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { OrganizationDomainEntity } from './organization-domain.entity';
import { OrganizationEntity } from './organization.entity';

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(name: string, domains: string[]): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager.getRepository(OrganizationEntity).save({ name, isDefault: false });
      await manager.getRepository(OrganizationDomainEntity).insert(domains.map((domain) => ({ domain, organizationId: organization.id })));
      return this.getById(organization.id, manager);
    });
  }

  async findById(id: string): Promise<OrganizationEntity | null> {
    return this.dataSource.getRepository(OrganizationEntity).findOne({ where: { id }, relations: { domains: true } });
  }

  async list(page: Page): Promise<[OrganizationEntity[], number]> {
    return this.dataSource.getRepository(OrganizationEntity).findAndCount({
      relations: { domains: true },
      order: { isDefault: 'DESC', name: 'ASC', domains: { domain: 'ASC' } },
      take: page.limit,
      skip: page.offset,
    });
  }

  async findDomainOwners(domains: string[]): Promise<OrganizationDomainEntity[]> {
    return this.dataSource.getRepository(OrganizationDomainEntity).find({
      where: domains.map((domain) => ({ domain })),
      relations: { organization: true },
    });
  }

  /** The organization that owns a mail domain, else the default organization. */
  async ownerOfDomainOrDefault(domain: string, manager: EntityManager): Promise<OrganizationEntity> {
    const owned = await manager.getRepository(OrganizationDomainEntity).findOne({ where: { domain }, relations: { organization: true } });
    return owned?.organization ?? manager.getRepository(OrganizationEntity).findOneOrFail({ where: { isDefault: true } });
  }

  private async getById(id: string, manager: EntityManager): Promise<OrganizationEntity> {
    return manager.getRepository(OrganizationEntity).findOneOrFail({ where: { id }, relations: { domains: true } });
  }
}
