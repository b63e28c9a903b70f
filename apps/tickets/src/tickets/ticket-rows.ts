import { DataSource } from 'typeorm';
import { EntityColumns } from '@helpgate/database';
import { CategoryEntity } from '../categories/category.entity';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';

/** A row of `selectTickets`: each column named `ticket.<property>` or `category.<property>`. */
export type TicketRow = Record<string, unknown>;

/**
 * Tickets in raw SQL, for the hot paths (one round trip, no query building): every column list and row mapping is
 * derived from the entities' metadata, so a column added to an entity needs no edit here.
 */
export class TicketRows {
  private readonly tickets: EntityColumns<TicketEntity>;
  private readonly categories: EntityColumns<CategoryEntity>;
  private readonly messages: EntityColumns<TicketMessageEntity>;
  /** The ticket columns a `ticket` row (a table or a CTE of that name) is read with, and its category's. */
  readonly columns: string;
  /** Joins the ticket's category as `category`. */
  readonly categoryJoin = 'LEFT JOIN categories category ON category.id = ticket.category_id';
  /** Tickets with their category; a WHERE clause may follow. */
  readonly selectTickets: string;
  /**
   * Opens tickets with their first messages from one parameter, the JSON array of `{ ticket, message }` records in the
   * order they are numbered: a ticket is created, and last updated, when its first message is (the statement's time,
   * not the transaction's: a batch of mail opens many tickets in one transaction). Answers the tickets as `columns`.
   */
  readonly createTickets: string;
  /** Adds messages from the JSON array of their records; then the tickets' new update time. Answers each id and time. */
  readonly addMessages: string;

  constructor(dataSource: DataSource) {
    this.tickets = EntityColumns.of(dataSource, TicketEntity);
    this.categories = EntityColumns.of(dataSource, CategoryEntity);
    this.messages = EntityColumns.of(dataSource, TicketMessageEntity);
    const { tickets, messages } = this;
    this.columns = `${tickets.selectList('ticket')}, ${this.categories.selectList('category')}`;
    this.selectTickets = `SELECT ${this.columns} FROM ${tickets.table} ticket ${this.categoryJoin}`;
    this.createTickets = `WITH moment AS (SELECT clock_timestamp() AS at),
      given AS (SELECT record, ordinal FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS given (record, ordinal)),
      ticket AS (
        INSERT INTO ${tickets.table} (${tickets.written.join(', ')}, created_at, updated_at)
        SELECT ${tickets.writtenList('new')}, moment.at, moment.at
          FROM given CROSS JOIN LATERAL jsonb_populate_record(NULL::${tickets.table}, given.record -> 'ticket') AS new, moment
         ORDER BY given.ordinal
        RETURNING *
      ),
      message AS (
        INSERT INTO ${messages.table} (${messages.written.join(', ')}, created_at)
        SELECT ${messages.writtenList('new')}, moment.at
          FROM given CROSS JOIN LATERAL jsonb_populate_record(NULL::${messages.table}, given.record -> 'message') AS new, moment
      )
      SELECT ${this.columns} FROM ticket ${this.categoryJoin}`;
    this.addMessages = `WITH message AS (
        INSERT INTO ${messages.table} (${messages.written.join(', ')})
        SELECT ${messages.writtenList('new')} FROM jsonb_populate_recordset(NULL::${messages.table}, $1::jsonb) AS new
        RETURNING id, ticket_id, created_at
      ), touched AS (UPDATE ${tickets.table} SET updated_at = $2 WHERE id IN (SELECT ticket_id FROM message))
      SELECT id, created_at FROM message`;
  }

  /** The ticket in a row read with `columns`, with its category. */
  ticketOf(row: TicketRow): TicketEntity {
    return Object.assign(this.tickets.read(row, 'ticket')!, { category: this.categories.read(row, 'category') });
  }

  /** A new ticket's record, for `createTickets`. */
  ticketRecord(ticket: Partial<TicketEntity>): Record<string, unknown> {
    return this.tickets.record(ticket);
  }

  /** A new message's record, for `createTickets` and `addMessages`. */
  messageRecord(message: Partial<TicketMessageEntity>): Record<string, unknown> {
    return this.messages.record(message);
  }

  /** The database column of a ticket's property. */
  ticketColumn(property: keyof TicketEntity & string): string {
    return this.tickets.column(property);
  }
}
