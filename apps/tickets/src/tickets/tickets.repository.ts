import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '@helpgate/platform';
import type { Mailbox } from '@helpgate/contracts';
import { TicketCcEntity } from './ticket-cc.entity';
import { DeliveryStatus, TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';

export interface TicketFilter {
  requesterEmail?: string;
  status?: TicketEntity['status'];
}

export type NewTicket = Pick<
  TicketEntity,
  | 'subject'
  | 'status'
  | 'channel'
  | 'requesterContactId'
  | 'requesterEmail'
  | 'requesterName'
  | 'organizationId'
  | 'organizationName'
  | 'category'
  | 'linkedTicketId'
  | 'linkKind'
>;

export type NewTicketMessage = Omit<TicketMessageEntity, 'id' | 'ticketId' | 'ticket' | 'createdAt'>;

@Injectable()
export class TicketsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(filter: TicketFilter, page: Page): Promise<[TicketEntity[], number]> {
    return this.dataSource.getRepository(TicketEntity).findAndCount({
      where: { requesterEmail: filter.requesterEmail, status: filter.status },
      order: { createdAt: 'DESC', number: 'DESC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  async findWithMessages(id: string): Promise<TicketEntity | null> {
    return this.dataSource.getRepository(TicketEntity).findOne({
      where: { id },
      relations: { messages: true, ccs: true },
      order: { messages: { createdAt: 'ASC' }, ccs: { email: 'ASC' } },
    });
  }

  async findById(id: string, manager: EntityManager): Promise<TicketEntity | null> {
    return manager.getRepository(TicketEntity).findOne({ where: { id }, relations: { ccs: true } });
  }

  async mailMessageExists(mailMessageId: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(TicketMessageEntity).exists({ where: { mailMessageId } });
  }

  /** The ticket holding the newest of the given mails, in the order the ids were given. */
  async findByMailMessageIds(mailMessageIds: string[], manager: EntityManager): Promise<TicketEntity | null> {
    if (mailMessageIds.length === 0) return null;
    const messages = await manager.getRepository(TicketMessageEntity).find({
      where: { mailMessageId: In(mailMessageIds) },
      relations: { ticket: true },
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
    const tickets = await manager.getRepository(TicketEntity).find({ where: { number: In(numbers) } });
    return numbers.map((number) => tickets.find((ticket) => ticket.number === number)).find(Boolean) ?? null;
  }

  async ccEmails(ticketId: string, manager: EntityManager): Promise<string[]> {
    const ccs = await manager.getRepository(TicketCcEntity).find({ where: { ticketId }, select: { email: true } });
    return ccs.map((cc) => cc.email);
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

  async setStatus(ticket: TicketEntity, status: TicketEntity['status'], manager: EntityManager): Promise<void> {
    await manager.getRepository(TicketEntity).update({ id: ticket.id }, { status });
    ticket.status = status;
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
    return manager.getRepository(TicketEntity).findOneByOrFail({ id: identifiers[0].id as string });
  }

  async addMessage(ticket: TicketEntity, message: NewTicketMessage, manager: EntityManager): Promise<void> {
    await manager.getRepository(TicketMessageEntity).insert({ ...message, ticketId: ticket.id });
    await manager.getRepository(TicketEntity).update({ id: ticket.id }, { updatedAt: new Date() });
  }
}
