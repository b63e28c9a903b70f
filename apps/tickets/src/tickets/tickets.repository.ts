import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';

export interface TicketFilter {
  requesterEmail?: string;
  status?: TicketEntity['status'];
}

export type NewTicket = Pick<
  TicketEntity,
  'subject' | 'status' | 'channel' | 'requesterContactId' | 'requesterEmail' | 'requesterName' | 'organizationId' | 'organizationName'
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
      relations: { messages: true },
      order: { messages: { createdAt: 'ASC' } },
    });
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

  async findByNumberForRequester(numbers: number[], requesterContactId: string, manager: EntityManager): Promise<TicketEntity | null> {
    if (numbers.length === 0) return null;
    const tickets = await manager.getRepository(TicketEntity).find({ where: { number: In(numbers), requesterContactId } });
    return numbers.map((number) => tickets.find((ticket) => ticket.number === number)).find(Boolean) ?? null;
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
