import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { Mailbox, ticketPriorities, ticketStatuses } from '@helpgate/contracts';
import { CategoryEntity } from '../categories/category.entity';
import type { TicketPriority } from '../domain/priorities';
import { TicketCcEntity } from './ticket-cc.entity';
import { DeliveryStatus, TicketMessageEntity } from './ticket-message.entity';
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

export type NewTicket = Pick<
  TicketEntity,
  | 'subject'
  | 'status'
  | 'priority'
  | 'channel'
  | 'requesterContactId'
  | 'requesterEmail'
  | 'requesterName'
  | 'organizationId'
  | 'organizationName'
  | 'categoryId'
  | 'assigneeId'
  | 'tags'
  | 'supportAddress'
  | 'linkedTicketId'
  | 'linkKind'
>;

export type TicketUpdate = Partial<
  Pick<TicketEntity, 'status' | 'priority' | 'categoryId' | 'assigneeId' | 'tags' | 'firstResponseAt' | 'solvedAt'>
>;

export type NewTicketMessage = Omit<TicketMessageEntity, 'id' | 'ticketId' | 'ticket' | 'createdAt'>;

/** Columns sorted by rank rather than alphabetically. */
const rankedColumns: Partial<Record<TicketSort['field'], { column: string; ranks: readonly string[] }>> = {
  priority: { column: 'ticket.priority', ranks: ticketPriorities },
  status: { column: 'ticket.status', ranks: ticketStatuses },
};

@Injectable()
export class TicketsRepository {
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

  async findWithMessages(id: string): Promise<TicketEntity | null> {
    return this.dataSource.getRepository(TicketEntity).findOne({
      where: { id },
      relations: { messages: true, ccs: true, category: true, assignee: true },
      order: { messages: { createdAt: 'ASC' }, ccs: { email: 'ASC' } },
    });
  }

  async exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(TicketEntity).exists({ where: { id } });
  }

  async findById(id: string, manager: EntityManager): Promise<TicketEntity | null> {
    return manager.getRepository(TicketEntity).findOne({ where: { id }, relations: { category: true } });
  }

  /** The ticket, locked until the transaction ends, so changes to one ticket apply one after the other. */
  async lock(id: string, manager: EntityManager): Promise<TicketEntity | null> {
    const rows: unknown[] = await manager.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [id]);
    return rows.length > 0 ? this.findById(id, manager) : null;
  }

  async mailMessageExists(mailMessageId: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(TicketMessageEntity).exists({ where: { mailMessageId } });
  }

  /** The ticket holding the newest of the given mails, in the order the ids were given. */
  async findByMailMessageIds(mailMessageIds: string[], manager: EntityManager): Promise<TicketEntity | null> {
    if (mailMessageIds.length === 0) return null;
    const messages = await manager.getRepository(TicketMessageEntity).find({
      where: { mailMessageId: In(mailMessageIds) },
      relations: { ticket: { category: true } },
    });
    for (const id of mailMessageIds) {
      const message = messages.find((candidate) => candidate.mailMessageId === id);
      if (message) return message.ticket;
    }
    return null;
  }

  /** The first of the numbers that is a ticket, in the order given. */
  async findByNumbers(numbers: number[], manager: EntityManager): Promise<TicketEntity | null> {
    if (numbers.length === 0) return null;
    const tickets = await manager.getRepository(TicketEntity).find({ where: { number: In(numbers) }, relations: { category: true } });
    return numbers.map((number) => tickets.find((ticket) => ticket.number === number)).find(Boolean) ?? null;
  }

  /** The Message-IDs of the ticket's public mails, oldest first: the conversation a reply continues. */
  async publicMailIds(ticketId: string, manager: EntityManager): Promise<string[]> {
    const rows: { mail_message_id: string }[] = await manager.query(
      `SELECT mail_message_id FROM ticket_messages
        WHERE ticket_id = $1 AND visibility = 'public' AND mail_message_id IS NOT NULL ORDER BY created_at, id`,
      [ticketId],
    );
    return rows.map((row) => row.mail_message_id);
  }

  async ccs(ticketId: string, manager: EntityManager): Promise<Mailbox[]> {
    const ccs = await manager.getRepository(TicketCcEntity).find({ where: { ticketId }, order: { createdAt: 'ASC', email: 'ASC' } });
    return ccs.map((cc) => ({ address: cc.email, ...(cc.name ? { name: cc.name } : {}) }));
  }

  async ccEmails(ticketId: string, manager: EntityManager): Promise<string[]> {
    return (await this.ccs(ticketId, manager)).map((cc) => cc.address);
  }

  /** Adds CCs the ticket does not have yet, never past `limit` in all. */
  async addCcs(ticketId: string, mailboxes: Mailbox[], limit: number, manager: EntityManager): Promise<void> {
    const existing = new Set(await this.ccEmails(ticketId, manager));
    const room = Math.max(0, limit - existing.size);
    const added = mailboxes.filter((mailbox) => !existing.has(mailbox.address)).slice(0, room);
    if (added.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(TicketCcEntity)
      .values(added.map((mailbox) => ({ ticketId, email: mailbox.address, name: mailbox.name ?? null })))
      .orIgnore()
      .execute();
  }

  /** Changes the given fields and the update time, on the row and on the entity. */
  async update(ticket: TicketEntity, fields: TicketUpdate, manager: EntityManager): Promise<void> {
    const updatedAt = new Date();
    await manager.getRepository(TicketEntity).update({ id: ticket.id }, { ...fields, updatedAt });
    Object.assign(ticket, fields, { updatedAt });
  }

  /** Puts the entity back as the row is (after work on it was undone), its category included. */
  async refresh(ticket: TicketEntity, manager: EntityManager): Promise<void> {
    Object.assign(ticket, await this.findById(ticket.id, manager));
  }

  /** The text of the ticket's newest message, of any kind. */
  async newestMessageText(ticketId: string, manager: EntityManager): Promise<string | null> {
    const newest = await manager.getRepository(TicketMessageEntity).findOne({
      where: { ticketId },
      order: { createdAt: 'DESC', id: 'DESC' },
      select: { id: true, bodyText: true },
    });
    return newest?.bodyText ?? null;
  }

  /** Loads the ticket's category again after its category changed. */
  async reloadCategory(ticket: TicketEntity, manager: EntityManager): Promise<void> {
    ticket.category = ticket.categoryId ? await manager.getRepository(CategoryEntity).findOneBy({ id: ticket.categoryId }) : null;
  }

  async recordDelivery(
    outboundRequestId: string,
    status: DeliveryStatus,
    error: string | null,
    manager: EntityManager,
  ): Promise<TicketMessageEntity | null> {
    await manager.getRepository(TicketMessageEntity).update({ outboundRequestId }, { deliveryStatus: status, deliveryError: error });
    return manager.getRepository(TicketMessageEntity).findOne({ where: { outboundRequestId } });
  }

  async countAutomaticRepliesSince(recipient: string, since: Date, manager: EntityManager): Promise<number> {
    const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM automatic_replies WHERE recipient = $1 AND sent_at > $2', [
      recipient,
      since,
    ]);
    return count as number;
  }

  async recordAutomaticReply(recipient: string, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO automatic_replies (recipient) VALUES ($1)', [recipient]);
  }

  /** Makes one contact's tickets and messages another's; returns how many tickets moved. */
  async reassignContact(fromContactId: string, toContactId: string, manager: EntityManager): Promise<number> {
    const movedTickets: unknown[] = await manager.query(
      'UPDATE tickets SET requester_contact_id = $2, updated_at = now() WHERE requester_contact_id = $1 RETURNING id',
      [fromContactId, toContactId],
    );
    await manager.query('UPDATE ticket_messages SET author_contact_id = $2 WHERE author_contact_id = $1', [fromContactId, toContactId]);
    return movedTickets.length;
  }

  async create(ticket: NewTicket, manager: EntityManager): Promise<TicketEntity> {
    const { identifiers } = await manager.getRepository(TicketEntity).insert(ticket);
    return (await this.findById(identifiers[0].id as string, manager))!;
  }

  /** Adds a message and moves the ticket's update time. */
  async addMessage(ticket: TicketEntity, message: NewTicketMessage, manager: EntityManager): Promise<TicketMessageEntity> {
    const { identifiers } = await manager.getRepository(TicketMessageEntity).insert({ ...message, ticketId: ticket.id });
    await this.update(ticket, {}, manager);
    return manager.getRepository(TicketMessageEntity).findOneByOrFail({ id: identifiers[0].id as string });
  }
}
