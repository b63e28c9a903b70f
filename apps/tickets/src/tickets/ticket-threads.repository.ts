import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TicketRow, TicketRows } from './ticket-rows';
import { TicketEntity } from './ticket.entity';

/** Threading lookups: the tickets mail belongs to, by Message-ID or quoted number, and the mails of a conversation. */
@Injectable()
export class TicketThreadsRepository {
  private readonly rows: TicketRows;

  constructor(dataSource: DataSource) {
    this.rows = new TicketRows(dataSource);
  }

  /** Which of the Message-IDs a ticket already holds. */
  async storedMailMessageIds(mailMessageIds: string[], manager: EntityManager): Promise<Set<string>> {
    if (mailMessageIds.length === 0) return new Set();
    const rows: { mail_message_id: string }[] = await manager.query(
      'SELECT mail_message_id FROM ticket_messages WHERE mail_message_id = ANY($1::text[])',
      [mailMessageIds],
    );
    return new Set(rows.map((row) => row.mail_message_id));
  }

  /** The ticket holding the newest of the given mails, in the order the ids were given. */
  async findByMailMessageIds(mailMessageIds: string[], manager: EntityManager): Promise<TicketEntity | null> {
    if (mailMessageIds.length === 0) return null;
    const rows: TicketRow[] = await manager.query(
      `SELECT ${this.rows.columns}, message.mail_message_id AS "message.mailMessageId"
         FROM ticket_messages message JOIN tickets ticket ON ticket.id = message.ticket_id ${this.rows.categoryJoin}
        WHERE message.mail_message_id = ANY($1::text[])`,
      [mailMessageIds],
    );
    for (const id of mailMessageIds) {
      const row = rows.find((candidate) => candidate['message.mailMessageId'] === id);
      if (row) return this.rows.ticketOf(row);
    }
    return null;
  }

  /** The first of the numbers that is a ticket, in the order given. */
  async findByNumbers(numbers: number[], manager: EntityManager): Promise<TicketEntity | null> {
    if (numbers.length === 0) return null;
    const rows: TicketRow[] = await manager.query(`${this.rows.selectTickets} WHERE ticket.number = ANY($1::bigint[])`, [numbers]);
    const tickets = rows.map((row) => this.rows.ticketOf(row));
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
}
