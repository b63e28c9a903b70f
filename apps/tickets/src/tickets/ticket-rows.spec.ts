import { DataSource, EntityMetadata, EntityTarget } from 'typeorm';
import { ConnectionMetadataBuilder } from 'typeorm/connection/ConnectionMetadataBuilder';
import { CategoryEntity } from '../categories/category.entity';
import { ticketsSchema } from '../tickets-app.module';
import { TicketRows } from './ticket-rows';
import { TicketEntity } from './ticket.entity';
import type { NewTicket, NewTicketMessage } from './tickets.repository';
import { ticketEntity } from '../../test/ticket-fixtures';

/** The rows of the tickets schema as the service builds them, from metadata alone (no database). */
async function ticketRows(): Promise<TicketRows> {
  const dataSource = new DataSource({ type: 'postgres', entities: ticketsSchema.entities });
  const metadata = await new ConnectionMetadataBuilder(dataSource).buildEntityMetadatas(ticketsSchema.entities);
  const metadataOf = (target: EntityTarget<unknown>): EntityMetadata => metadata.find((entity) => entity.target === target)!;
  return new TicketRows({ getMetadata: metadataOf } as DataSource);
}

/** What the database gives a ticket when it is opened, so a new ticket has none of it. */
const givenByDatabase = ['id', 'number', 'category', 'createdAt', 'updatedAt', 'firstResponseAt', 'solvedAt'];
const newTicket = Object.fromEntries(
  Object.entries({ ...ticketEntity(), tags: ['vip'], supportAddress: 'support@helpgate.test' }).filter(
    ([key]) => !givenByDatabase.includes(key),
  ),
) as NewTicket;

const newMessage: NewTicketMessage = {
  mailMessageId: '<m1@acme.test>',
  inboundMessageId: null,
  authorAgentId: null,
  authorRuleId: null,
  authorContactId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  authorEmail: 'jane@acme.test',
  authorName: 'Jane',
  visibility: 'public',
  direction: 'inbound',
  authorKind: 'requester',
  bodyText: 'Hello',
  fullText: null,
  bodyHtml: null,
  attachments: [],
  automatedKind: null,
  authentication: null,
  outboundRequestId: null,
  deliveryStatus: null,
  deliveryError: null,
  rawMessageSha256: null,
};

/** The column list of the INSERT into the table, as the statement names it. */
function insertedColumns(statement: string, table: string): string[] {
  const [, columns] = new RegExp(`INSERT INTO ${table} \\(([^)]*)\\)`).exec(statement)!;
  return columns.split(',').map((column) => column.trim());
}

describe('TicketRows', () => {
  let rows: TicketRows;

  beforeAll(async () => {
    rows = await ticketRows();
  });

  it('writes every value a new ticket and its first message are given, each in its own column', () => {
    const ticketRecord = rows.ticketRecord({ ...newTicket, id: 'c0ffee00-0000-4000-8000-000000000001' });
    const messageRecord = rows.messageRecord({ ...newMessage, id: 'c0ffee00-0000-4000-8000-000000000002', ticketId: 'x' });

    expect(Object.keys(ticketRecord).filter((column) => ticketRecord[column] !== undefined)).toHaveLength(
      Object.keys(newTicket).length + 1,
    );
    expect(Object.keys(messageRecord)).toHaveLength(Object.keys(newMessage).length + 2);
    expect(ticketRecord).toMatchObject({ requester_contact_id: newTicket.requesterContactId, tags: ['vip'], link_kind: null });
    expect(messageRecord).toMatchObject({ ticket_id: 'x', body_text: 'Hello', raw_message_sha256: null });
    expect(insertedColumns(rows.createTickets, 'tickets')).toEqual([...Object.keys(ticketRecord), 'created_at', 'updated_at']);
    expect(insertedColumns(rows.createTickets, 'ticket_messages')).toEqual([...Object.keys(messageRecord), 'created_at']);
    expect(insertedColumns(rows.addMessages, 'ticket_messages')).toEqual(Object.keys(messageRecord));
  });

  it('reads a selected row back as the ticket with its category', () => {
    const createdAt = new Date('2026-03-04T05:06:07Z');
    const row = {
      ...Object.fromEntries(
        Object.entries({ ...newTicket, id: 'c0ffee00-0000-4000-8000-000000000001', number: '1042' }).map(([key, value]) => [
          `ticket.${key}`,
          value,
        ]),
      ),
      'ticket.categoryId': 'c0ffee00-0000-4000-8000-0000000000ca',
      'ticket.createdAt': createdAt,
      'ticket.updatedAt': createdAt,
      'ticket.firstResponseAt': null,
      'ticket.solvedAt': null,
      'category.id': 'c0ffee00-0000-4000-8000-0000000000ca',
      'category.department': 'Billing',
      'category.feature': null,
      'category.active': true,
      'category.createdAt': createdAt,
      'category.updatedAt': createdAt,
    };

    const ticket = rows.ticketOf(row);

    expect(ticket).toBeInstanceOf(TicketEntity);
    expect(ticket).toEqual({
      ...newTicket,
      id: 'c0ffee00-0000-4000-8000-000000000001',
      number: 1042,
      categoryId: 'c0ffee00-0000-4000-8000-0000000000ca',
      category: {
        id: 'c0ffee00-0000-4000-8000-0000000000ca',
        department: 'Billing',
        feature: null,
        active: true,
        createdAt,
        updatedAt: createdAt,
      },
      createdAt,
      updatedAt: createdAt,
      firstResponseAt: null,
      solvedAt: null,
    });
    expect(ticket.category).toBeInstanceOf(CategoryEntity);
    expect(rows.ticketOf({ ...row, 'category.id': null }).category).toBeNull();
  });

  it('names the column of a ticket property', () => {
    expect(rows.ticketColumn('firstResponseAt')).toBe('first_response_at');
  });
});
