import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { TicketAuditEntity } from './ticket-audit.entity';

/** Eight parameters each, well below Postgres' 65,535 parameters per statement. */
const entriesPerStatement = 1_000;

export type NewAuditEntry = Omit<TicketAuditEntity, 'id' | 'occurredAt'>;

@Injectable()
export class TicketAuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the entries in the order given, which is the order of their ids. */
  async recordAll(entries: (NewAuditEntry & { occurredAt: Date })[], manager: EntityManager): Promise<void> {
    for (let start = 0; start < entries.length; start += entriesPerStatement) {
      const chunk = entries.slice(start, start + entriesPerStatement);
      await manager.query(
        `INSERT INTO ticket_audit (ticket_id, action, actor_type, actor_id, changes, message, note, occurred_at)
         VALUES ${chunk.map((_, row) => `(${[1, 2, 3, 4, 5, 6, 7, 8].map((column) => `$${row * 8 + column}`).join(', ')})`).join(', ')}`,
        chunk.flatMap((entry) => [
          entry.ticketId,
          entry.action,
          entry.actorType,
          entry.actorId,
          JSON.stringify(entry.changes),
          entry.message === null ? null : JSON.stringify(entry.message),
          entry.note,
          entry.occurredAt,
        ]),
      );
    }
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
