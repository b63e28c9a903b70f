import { Injectable } from '@nestjs/common';
import type { PageOf } from '@helpgate/platform';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { TicketDetailDto, TicketSearchDto, TicketSummaryDto, toTicketDetail, toTicketSummary } from './ticket.dto';
import { TicketsRepository } from './tickets.repository';

@Injectable()
export class TicketsService {
  constructor(private readonly tickets: TicketsRepository) {}

  async search({ requesterEmail, status, limit, offset }: TicketSearchDto): Promise<PageOf<TicketSummaryDto>> {
    const [tickets, total] = await this.tickets.search({ requesterEmail, status }, { limit, offset });
    return { items: tickets.map(toTicketSummary), total, limit, offset };
  }

  async get(id: string): Promise<TicketDetailDto> {
    const ticket = await this.tickets.findWithMessages(id);
    if (!ticket) throw new TicketsException(TicketsErrorCode.TicketNotFound, `No ticket ${id}`);
    return toTicketDetail(ticket);
  }
}
