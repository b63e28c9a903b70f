import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { ticketPriorities, ticketStatuses } from '@helpgate/contracts';
import type { TicketPriority } from '../domain/priorities';
import { TicketChannel, TicketEntity, TicketStatus } from './ticket.entity';

export interface TicketFilter {
  statuses?: TicketStatus[];
  priorities?: TicketPriority[];
  channels?: TicketChannel[];
  /** A department includes its features. */
  categoryId?: string;
  organizationId?: string;
  requesterContactId?: string;
  requesterEmail?: string;
  /** null: tickets nobody is assigned to. */
  assigneeId?: string | null;
  tag?: string;
  createdFrom?: Date;
  createdBefore?: Date;
  /** Every word must be in the subject or in a message, as a word prefix. */
  words?: string[];
}

export const ticketSortFields = ['createdAt', 'updatedAt', 'number', 'priority', 'status'] as const;
export interface TicketSort {
  field: (typeof ticketSortFields)[number];
  direction: 'ASC' | 'DESC';
}

/** Columns sorted by rank rather than alphabetically. */
const rankedColumns: Partial<Record<TicketSort['field'], { column: string; ranks: readonly string[] }>> = {
  priority: { column: 'ticket.priority', ranks: ticketPriorities },
  status: { column: 'ticket.status', ranks: ticketStatuses },
};

/** Agents' ticket search: filters, word search over subjects and messages, sorting. */
@Injectable()
export class TicketSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(filter: TicketFilter, sort: TicketSort, page: Page): Promise<[TicketEntity[], number]> {
    const query = this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('ticket')
      .leftJoinAndSelect('ticket.category', 'category')
      .leftJoinAndSelect('ticket.assignee', 'assignee');
    if (filter.statuses) query.andWhere('ticket.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.priorities) query.andWhere('ticket.priority IN (:...priorities)', { priorities: filter.priorities });
    if (filter.channels) query.andWhere('ticket.channel IN (:...channels)', { channels: filter.channels });
    if (filter.categoryId) {
      query.andWhere(
        `ticket.category_id IN (
          SELECT member.id FROM categories member JOIN categories chosen ON chosen.id = :categoryId
           WHERE member.id = chosen.id OR (chosen.feature IS NULL AND lower(member.department) = lower(chosen.department)))`,
        { categoryId: filter.categoryId },
      );
    }
    if (filter.organizationId) query.andWhere('ticket.organizationId = :organizationId', { organizationId: filter.organizationId });
    if (filter.requesterContactId) {
      query.andWhere('ticket.requesterContactId = :requesterContactId', { requesterContactId: filter.requesterContactId });
    }
    if (filter.requesterEmail) query.andWhere('ticket.requesterEmail = :requesterEmail', { requesterEmail: filter.requesterEmail });
    if (filter.assigneeId === null) query.andWhere('ticket.assigneeId IS NULL');
    else if (filter.assigneeId) query.andWhere('ticket.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.tag) query.andWhere('ticket.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
    if (filter.createdFrom) query.andWhere('ticket.createdAt >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdBefore) query.andWhere('ticket.createdAt < :createdBefore', { createdBefore: filter.createdBefore });
    (filter.words ?? []).forEach((word, index) => {
      // One clause per word, each able to use the GIN indexes: the word may be in the subject or in any message.
      query.andWhere(
        `(ticket.subject_search @@ to_tsquery('simple', :word${index})
          OR ticket.id IN (SELECT message.ticket_id FROM ticket_messages message WHERE message.body_search @@ to_tsquery('simple', :word${index})))`,
        { [`word${index}`]: `${word}:*` },
      );
    });
    const ranked = rankedColumns[sort.field];
    if (ranked) {
      query.orderBy(
        `array_position(ARRAY[${ranked.ranks.map((rank) => `'${rank}'`).join(', ')}]::text[], ${ranked.column})`,
        sort.direction,
      );
    } else {
      query.orderBy(`ticket.${sort.field}`, sort.direction);
    }
    if (sort.field !== 'number') query.addOrderBy('ticket.number', 'DESC');
    return query.limit(page.limit).offset(page.offset).getManyAndCount();
  }
}
