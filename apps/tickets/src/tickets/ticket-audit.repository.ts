import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { TicketAuditEntity } from './ticket-audit.entity';

export type NewAuditEntry = Omit<TicketAuditEntity, 'id' | 'occurredAt'>;

@Injectable()
export class TicketAuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: NewAuditEntry, manager: EntityManager): Promise<void> {
    await manager.getRepository(TicketAuditEntity).insert({ ...entry, occurredAt: new Date() });
  }

  /** Oldest first, in the order the changes were made. */
  async history(ticketId: string, page: Page): Promise<[TicketAuditEntity[], number]> {
    return this.dataSource.getRepository(TicketAuditEntity).findAndCount({
      where: { ticketId },
      order: { id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }
}
