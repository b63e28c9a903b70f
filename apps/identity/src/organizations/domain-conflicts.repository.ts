import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { DomainConflictEntity } from './domain-conflict.entity';
import type { RegisteredDomain } from './organization-for-address';

@Injectable()
export class DomainConflictsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(contactId: string, domain: string, claims: RegisteredDomain[], manager: EntityManager): Promise<void> {
    await manager.getRepository(DomainConflictEntity).insert({ contactId, domain, claims });
  }

  async list(page: Page): Promise<[DomainConflictEntity[], number]> {
    return this.dataSource.getRepository(DomainConflictEntity).findAndCount({
      order: { detectedAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  /** Forgets the conflicts of contacts that now have an organization. */
  async settle(contactIds: string[], manager: EntityManager): Promise<void> {
    if (contactIds.length === 0) return;
    await manager.getRepository(DomainConflictEntity).delete({ contactId: In(contactIds) });
  }
}
