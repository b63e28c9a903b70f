import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { Mailbox, ticketPriorities, ticketStatuses } from '@helpgate/contracts';
import { CategoryEntity } from '../categories/category.entity';
import type { TicketPriority } from '../domain/priorities';
import { DeliveryStatus, TicketMessageEntity } from './ticket-message.entity';
import { TicketChannel, TicketEntity, TicketLinkKind, TicketStatus } from './ticket.entity';

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
    const rows: TicketRow[] = await manager.query(`${selectTickets} WHERE ticket.id = $1`, [id]);
    return rows.length > 0 ? ticketOfRow(rows[0]) : null;
  }

  /** The ticket, locked until the transaction ends, so changes to one ticket apply one after the other. */
  async lock(id: string, manager: EntityManager): Promise<TicketEntity | null> {
    const rows: TicketRow[] = await manager.query(`${selectTickets} WHERE ticket.id = $1 FOR UPDATE OF ticket`, [id]);
    return rows.length > 0 ? ticketOfRow(rows[0]) : null;
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
    const rows: (TicketRow & { mail_message_id: string })[] = await manager.query(
      `SELECT ${ticketColumns}, message.mail_message_id
         FROM ticket_messages message JOIN tickets ticket ON ticket.id = message.ticket_id ${categoryJoin}
        WHERE message.mail_message_id = ANY($1::text[])`,
      [mailMessageIds],
    );
    for (const id of mailMessageIds) {
      const row = rows.find((candidate) => candidate.mail_message_id === id);
      if (row) return ticketOfRow(row);
    }
    return null;
  }

  /** The first of the numbers that is a ticket, in the order given. */
  async findByNumbers(numbers: number[], manager: EntityManager): Promise<TicketEntity | null> {
    if (numbers.length === 0) return null;
    const rows: TicketRow[] = await manager.query(`${selectTickets} WHERE ticket.number = ANY($1::bigint[])`, [numbers]);
    const tickets = rows.map(ticketOfRow);
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
    const rows: { email: string; name: string | null }[] = await manager.query(
      'SELECT email, name FROM ticket_ccs WHERE ticket_id = $1 ORDER BY created_at, email',
      [ticketId],
    );
    return rows.map((cc) => ({ address: cc.email, ...(cc.name ? { name: cc.name } : {}) }));
  }

  async ccEmails(ticketId: string, manager: EntityManager): Promise<string[]> {
    return (await this.ccs(ticketId, manager)).map((cc) => cc.address);
  }

  /** Adds CCs the ticket does not have yet, never past `limit` in all. */
  async addCcs(ticketId: string, mailboxes: Mailbox[], limit: number, manager: EntityManager): Promise<void> {
    if (mailboxes.length === 0) return;
    const existing = new Set(await this.ccEmails(ticketId, manager));
    const room = Math.max(0, limit - existing.size);
    const added = mailboxes.filter((mailbox) => !existing.has(mailbox.address)).slice(0, room);
    if (added.length === 0) return;
    await manager.query(
      `INSERT INTO ticket_ccs (ticket_id, email, name)
       SELECT $1, added.email, added.name FROM unnest($2::text[], $3::text[]) AS added (email, name)
       ON CONFLICT DO NOTHING`,
      [ticketId, added.map((mailbox) => mailbox.address), added.map((mailbox) => mailbox.name ?? null)],
    );
  }

  /** Changes the given fields and the update time, on the row and on the entity. */
  async update(ticket: TicketEntity, fields: TicketUpdate, manager: EntityManager): Promise<void> {
    const updatedAt = new Date();
    const changed = Object.entries(fields).filter(([, value]) => value !== undefined) as [keyof TicketUpdate, unknown][];
    const assignments = changed.map(([field], index) => `${updatableColumns[field]} = $${index + 3}`);
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

  async recordDelivery(
    outboundRequestId: string,
    status: DeliveryStatus,
    error: string | null,
    manager: EntityManager,
  ): Promise<TicketMessageEntity | null> {
    await manager.getRepository(TicketMessageEntity).update({ outboundRequestId }, { deliveryStatus: status, deliveryError: error });
    return manager.getRepository(TicketMessageEntity).findOne({ where: { outboundRequestId } });
  }

  /** Marks the messages of these outbound requests delivered, in one statement. */
  async markDelivered(outboundRequestIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE ticket_messages SET delivery_status = 'delivered', delivery_error = NULL WHERE outbound_request_id = ANY($1::uuid[])`,
      [outboundRequestIds],
    );
  }

  /** How many automatic mails each of the recipients was sent since then (those sent none are left out). */
  async automaticRepliesSince(recipients: string[], since: Date, manager: EntityManager): Promise<Map<string, number>> {
    const rows: { recipient: string; count: number }[] = await manager.query(
      `SELECT recipient, count(*)::int AS count FROM automatic_replies
        WHERE recipient = ANY($1::text[]) AND sent_at > $2 GROUP BY recipient`,
      [recipients, since],
    );
    return new Map(rows.map((row) => [row.recipient, row.count]));
  }

  /** Counts an automatic mail to each recipient given (one row per mail). */
  async recordAutomaticReplies(recipients: string[], manager: EntityManager): Promise<void> {
    if (recipients.length === 0) return;
    await manager.query('INSERT INTO automatic_replies (recipient) SELECT unnest($1::text[])', [recipients]);
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

  /**
   * Opens tickets, each with its first message, in one statement, numbered in the order given: a ticket is created,
   * and last updated, when its first message is (the statement's time, not the transaction's: a batch of mail opens
   * many tickets in one transaction).
   */
  async createAll(openings: readonly TicketOpening[], manager: EntityManager): Promise<OpenedTicket[]> {
    if (openings.length === 0) return [];
    const records = openings.map(({ ticket, firstMessage }, ordinal) => ({
      ordinal,
      ...ticketRecord(ticket),
      ...messageRecord(firstMessage),
    }));
    const rows: TicketRow[] = await manager.query(createTicketsStatement, [JSON.stringify(records)]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return records.map((record, position) => {
      const ticket = ticketOfRow(byId.get(record.id)!);
      const message = Object.assign(new TicketMessageEntity(), openings[position].firstMessage, {
        id: record.message_id,
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
    const records = additions.map(({ ticket, message }) => ({ ticket_id: ticket.id, ...messageRecord(message) }));
    const rows: { id: string; created_at: Date }[] = await manager.query(addMessagesStatement, [JSON.stringify(records), updatedAt]);
    const createdAt = new Map(rows.map((row) => [row.id, row.created_at]));
    return additions.map(({ ticket, message }, position) => {
      ticket.updatedAt = updatedAt;
      const id = records[position].message_id;
      return Object.assign(new TicketMessageEntity(), message, { id, ticketId: ticket.id, createdAt: createdAt.get(id)! });
    });
  }
}

const messageColumns = `mail_message_id, inbound_message_id, author_agent_id, author_rule_id, author_contact_id, author_email,
  author_name, visibility, direction, author_kind, body_text, full_text, body_html, attachments, automated_kind, authentication,
  outbound_request_id, delivery_status, delivery_error, raw_message_sha256`;

/** A message as a record of `messageRecordColumns`, with the id it will have. */
function messageRecord(message: NewTicketMessage) {
  return {
    message_id: randomUUID(),
    mail_message_id: message.mailMessageId,
    inbound_message_id: message.inboundMessageId,
    author_agent_id: message.authorAgentId,
    author_rule_id: message.authorRuleId,
    author_contact_id: message.authorContactId,
    author_email: message.authorEmail,
    author_name: message.authorName,
    visibility: message.visibility,
    direction: message.direction,
    author_kind: message.authorKind,
    body_text: message.bodyText,
    full_text: message.fullText,
    body_html: message.bodyHtml,
    attachments: message.attachments,
    automated_kind: message.automatedKind,
    authentication: message.authentication,
    outbound_request_id: message.outboundRequestId,
    delivery_status: message.deliveryStatus,
    delivery_error: message.deliveryError,
    raw_message_sha256: message.rawMessageSha256,
  };
}

/** The types of a `messageRecord`'s fields, to read records of it with `jsonb_to_recordset`. */
const messageRecordColumns = `message_id uuid, mail_message_id text, inbound_message_id uuid, author_agent_id uuid,
  author_rule_id uuid, author_contact_id uuid, author_email text, author_name text, visibility text, direction text,
  author_kind text, body_text text, full_text text, body_html text, attachments jsonb, automated_kind text,
  authentication jsonb, outbound_request_id uuid, delivery_status text, delivery_error text, raw_message_sha256 text`;

const newTicketColumns = `subject, status, priority, channel, requester_contact_id, requester_email, requester_name,
  organization_id, organization_name, category_id, assignee_id, tags, support_address, linked_ticket_id, link_kind`;

/** A new ticket as a record of `ticketRecordColumns`, with the id it will have. */
function ticketRecord(ticket: NewTicket) {
  return {
    id: randomUUID(),
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    requester_contact_id: ticket.requesterContactId,
    requester_email: ticket.requesterEmail,
    requester_name: ticket.requesterName,
    organization_id: ticket.organizationId,
    organization_name: ticket.organizationName,
    category_id: ticket.categoryId,
    assignee_id: ticket.assigneeId,
    tags: ticket.tags,
    support_address: ticket.supportAddress,
    linked_ticket_id: ticket.linkedTicketId,
    link_kind: ticket.linkKind,
  };
}

const ticketRecordColumns = `id uuid, subject text, status text, priority text, channel text, requester_contact_id uuid,
  requester_email text, requester_name text, organization_id uuid, organization_name text, category_id uuid, assignee_id uuid,
  tags text[], support_address text, linked_ticket_id uuid, link_kind text`;

/** The ticket columns a `ticket` row is read with, its category as one `category` value. */
const ticketColumns = `ticket.id, ticket.number, ticket.subject, ticket.status, ticket.priority, ticket.channel,
  ticket.requester_contact_id, ticket.requester_email, ticket.requester_name, ticket.organization_id, ticket.organization_name,
  ticket.category_id, ticket.assignee_id, ticket.tags, ticket.support_address, ticket.linked_ticket_id, ticket.link_kind,
  ticket.created_at, ticket.updated_at, ticket.first_response_at, ticket.solved_at,
  CASE WHEN category.id IS NULL THEN NULL
       ELSE json_build_object('id', category.id, 'department', category.department, 'feature', category.feature,
                              'active', category.active, 'createdAt', category.created_at, 'updatedAt', category.updated_at)
  END AS category`;
const categoryJoin = 'LEFT JOIN categories category ON category.id = ticket.category_id';
const selectTickets = `SELECT ${ticketColumns} FROM tickets ticket ${categoryJoin}`;

const updatableColumns: Record<keyof TicketUpdate, string> = {
  status: 'status',
  priority: 'priority',
  categoryId: 'category_id',
  assigneeId: 'assignee_id',
  tags: 'tags',
  firstResponseAt: 'first_response_at',
  solvedAt: 'solved_at',
};

interface TicketRow {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  requester_contact_id: string;
  requester_email: string | null;
  requester_name: string;
  organization_id: string;
  organization_name: string;
  category_id: string | null;
  assignee_id: string | null;
  tags: string[];
  support_address: string | null;
  linked_ticket_id: string | null;
  link_kind: TicketLinkKind | null;
  created_at: Date;
  updated_at: Date;
  first_response_at: Date | null;
  solved_at: Date | null;
  category: { id: string; department: string; feature: string | null; active: boolean; createdAt: string; updatedAt: string } | null;
}

/** The ticket as its entity, with its category (raw SQL on the hot paths: one round trip, no query building). */
function ticketOfRow(row: TicketRow): TicketEntity {
  const { category } = row;
  return Object.assign(new TicketEntity(), {
    id: row.id,
    number: Number(row.number),
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    requesterContactId: row.requester_contact_id,
    requesterEmail: row.requester_email,
    requesterName: row.requester_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    categoryId: row.category_id,
    category: category
      ? Object.assign(new CategoryEntity(), {
          ...category,
          createdAt: new Date(category.createdAt),
          updatedAt: new Date(category.updatedAt),
        })
      : null,
    assigneeId: row.assignee_id,
    tags: row.tags,
    supportAddress: row.support_address,
    linkedTicketId: row.linked_ticket_id,
    linkKind: row.link_kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstResponseAt: row.first_response_at,
    solvedAt: row.solved_at,
  });
}

/** One parameter: the JSON array of records, each a `ticketRecord`, a `messageRecord` and its `ordinal`. */
const createTicketsStatement = `WITH moment AS (SELECT clock_timestamp() AS at),
  given AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS given (ordinal int, ${ticketRecordColumns}, ${messageRecordColumns})
  ),
  ticket AS (
    INSERT INTO tickets (id, ${newTicketColumns}, created_at, updated_at)
    SELECT id, ${newTicketColumns}, moment.at, moment.at FROM given, moment ORDER BY given.ordinal
    RETURNING *
  ),
  message AS (
    INSERT INTO ticket_messages (id, ticket_id, ${messageColumns}, created_at)
    SELECT message_id, id, ${messageColumns}, moment.at FROM given, moment
  )
  SELECT ${ticketColumns} FROM ticket ${categoryJoin}`;

/** The JSON array of records, each a ticket id and a `messageRecord`; then the tickets' new update time. */
const addMessagesStatement = `WITH given AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS given (ticket_id uuid, ${messageRecordColumns})
  ), message AS (
    INSERT INTO ticket_messages (id, ticket_id, ${messageColumns})
    SELECT message_id, ticket_id, ${messageColumns} FROM given
    RETURNING id, created_at
  ), touched AS (UPDATE tickets SET updated_at = $2 WHERE id IN (SELECT ticket_id FROM given))
  SELECT id, created_at FROM message`;
