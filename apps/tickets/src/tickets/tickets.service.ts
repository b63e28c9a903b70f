import { Injectable } from '@nestjs/common';
import type { Page, PageOf, StoredFile } from '@helpgate/platform';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import {
  AuditEntryDto,
  TicketDetailDto,
  TicketSearchDto,
  TicketSummaryDto,
  toAuditEntry,
  toTicketDetail,
  toTicketSummary,
} from './ticket.dto';
import { TicketAuditRepository } from './ticket-audit.repository';
import { TicketSearchRepository } from './ticket-search.repository';
import { TicketsRepository } from './tickets.repository';
import { UploadedAttachmentsRepository } from './uploaded-attachments.repository';

/** What agents read: ticket lists, a ticket with its thread, its history and the files given with it. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly ticketSearch: TicketSearchRepository,
    private readonly audit: TicketAuditRepository,
    private readonly uploads: UploadedAttachmentsRepository,
  ) {}

  async search(query: TicketSearchDto): Promise<PageOf<TicketSummaryDto>> {
    const { limit, offset, sort, status, priority, channel, assigneeId, q, ...filter } = query;
    const [tickets, total] = await this.ticketSearch.search(
      {
        ...filter,
        statuses: status,
        priorities: priority,
        channels: channel,
        assigneeId: assigneeId === 'none' ? null : assigneeId,
        words: q,
      },
      sort,
      { limit, offset },
    );
    return { items: tickets.map(toTicketSummary), total, limit, offset };
  }

  async get(id: string): Promise<TicketDetailDto> {
    const ticket = await this.tickets.findWithMessages(id);
    if (!ticket) throw ticketNotFound(id);
    return toTicketDetail(ticket);
  }

  /** The ticket's history, oldest first. */
  async history(id: string, page: Page): Promise<PageOf<AuditEntryDto>> {
    if (!(await this.tickets.exists(id))) throw ticketNotFound(id);
    const [entries, total] = await this.audit.history(id, page);
    return { items: entries.map(toAuditEntry), total, ...page };
  }

  async attachment(ticketId: string, sha256: string): Promise<StoredFile> {
    const file = await this.uploads.findOnTicket(ticketId, sha256);
    if (!file) throw new TicketsException(TicketsErrorCode.AttachmentNotFound, `Ticket ${ticketId} has no uploaded attachment ${sha256}`);
    return file;
  }
}

function ticketNotFound(id: string): TicketsException {
  return new TicketsException(TicketsErrorCode.TicketNotFound, `No ticket ${id}`);
}
