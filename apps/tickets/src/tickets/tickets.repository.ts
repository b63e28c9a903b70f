import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { TicketRow, TicketRows } from './ticket-rows';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';

/** Every column a new ticket is given: a column added to the entity must be given too, or the ticket cannot be opened. */
export type NewTicket = Omit<
  TicketEntity,
  | 'id'
  | 'number'
  | 'category'
  | 'assignee'
  | 'messages'
  | 'ccs'
  | 'callbackRequest'
  | 'createdAt'
  | 'updatedAt'
  | 'firstResponseAt'
  | 'solvedAt'
>;

export type TicketUpdate = Partial<
  Pick<TicketEntity, 'status' | 'priority' | 'categoryId' | 'assigneeId' | 'tags' | 'firstResponseAt' | 'solvedAt'>
>;

export type NewTicketMessage = Omit<TicketMessageEntity, 'id' | 'ticketId' | 'ticket' | 'createdAt'>;

export interface TicketOpening {
  ticket: NewTicket;
  firstMessage: NewTicketMessage;
}

export interface OpenedTicket {
  ticket: TicketEntity;
  message: TicketMessageEntity;
}

export interface MessageAddition {
  ticket: TicketEntity;
  message: NewTicketMessage;
}

/** A ticket and its messages: reading, locking, changing and opening tickets, adding messages. */
@Injectable()
export class TicketsRepository {
  private readonly rows: TicketRows;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new TicketRows(dataSource);
  }

  async findWithMessages(id: string): Promise<TicketEntity | null> {
    return this.dataSource.getRepository(TicketEntity).findOne({
      where: { id },
      relations: { messages: true, ccs: true, category: true, assignee: true, callbackRequest: true },
      order: { messages: { createdAt: 'ASC' }, ccs: { email: 'ASC' } },
    });
  }

  async exists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(TicketEntity).exists({ where: { id } });
  }

  async findById(id: string, manager: EntityManager): Promise<TicketEntity | null> {
    const rows: TicketRow[] = await manager.query(`${this.rows.selectTickets} WHERE ticket.id = $1`, [id]);
    return rows.length > 0 ? this.rows.ticketOf(rows[0]) : null;
  }

  /** The ticket, locked until the transaction ends, so changes to one ticket apply one after the other. */
  async lock(id: string, manager: EntityManager): Promise<TicketEntity | null> {
    const rows: TicketRow[] = await manager.query(`${this.rows.selectTickets} WHERE ticket.id = $1 FOR UPDATE OF ticket`, [id]);
    return rows.length > 0 ? this.rows.ticketOf(rows[0]) : null;
  }

  /** Changes the given fields and the update time, on the row and on the entity. */
  async update(ticket: TicketEntity, fields: TicketUpdate, manager: EntityManager): Promise<void> {
    const updatedAt = new Date();
    const changed = Object.entries(fields).filter(([, value]) => value !== undefined) as [keyof TicketUpdate, unknown][];
    const assignments = changed.map(([field], index) => `${this.rows.ticketColumn(field)} = $${index + 3}`);
    await manager.query(`UPDATE tickets SET ${['updated_at = $2', ...assignments].join(', ')} WHERE id = $1`, [
      ticket.id,
      updatedAt,
      ...changed.map(([, value]) => value),
    ]);
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

  /**
   * Opens tickets, each with its first message, in one statement, numbered in the order given: a ticket is created,
   * and last updated, when its first message is.
   */
  async createAll(openings: readonly TicketOpening[], manager: EntityManager): Promise<OpenedTicket[]> {
    if (openings.length === 0) return [];
    const ids = openings.map(() => ({ ticketId: randomUUID(), messageId: randomUUID() }));
    const records = openings.map(({ ticket, firstMessage }, position) => ({
      ticket: this.rows.ticketRecord({ ...ticket, id: ids[position].ticketId }),
      message: this.rows.messageRecord({ ...firstMessage, id: ids[position].messageId, ticketId: ids[position].ticketId }),
    }));
    const rows: TicketRow[] = await manager.query(this.rows.createTickets, [JSON.stringify(records)]);
    const byId = new Map(rows.map((row) => [row['ticket.id'], row]));
    return openings.map(({ firstMessage }, position) => {
      const ticket = this.rows.ticketOf(byId.get(ids[position].ticketId)!);
      const message = Object.assign(new TicketMessageEntity(), firstMessage, {
        id: ids[position].messageId,
        ticketId: ticket.id,
        createdAt: ticket.createdAt,
      });
      return { ticket, message };
    });
  }

  /** Adds messages, in one statement, and moves their tickets' update time (on the entities too). */
  async addMessages(additions: readonly MessageAddition[], manager: EntityManager): Promise<TicketMessageEntity[]> {
    if (additions.length === 0) return [];
    const updatedAt = new Date();
    const ids = additions.map(() => randomUUID());
    const records = additions.map(({ ticket, message }, position) =>
      this.rows.messageRecord({ ...message, id: ids[position], ticketId: ticket.id }),
    );
    const rows: { id: string; created_at: Date }[] = await manager.query(this.rows.addMessages, [JSON.stringify(records), updatedAt]);
    const createdAt = new Map(rows.map((row) => [row.id, row.created_at]));
    return additions.map(({ ticket, message }, position) => {
      ticket.updatedAt = updatedAt;
      const id = ids[position];
      return Object.assign(new TicketMessageEntity(), message, { id, ticketId: ticket.id, createdAt: createdAt.get(id)! });
    });
  }
}
