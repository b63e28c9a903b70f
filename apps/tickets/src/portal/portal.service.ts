import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ContactPrincipal } from '@helpgate/auth';
import type { PageOf, StoredFile } from '@helpgate/platform';
import { CategoriesService } from '../categories/categories.service';
import { PhoneCallbacksService } from '../phone-callbacks/phone-callbacks.service';
import type { AttachmentLimitsConfig } from '../config';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { ticketStatusesOf } from './portal-status';
import { priorityDefinitions } from '../domain/priorities';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { ATTACHMENT_LIMITS } from '../tickets-config.module';
import { OpenTicketUseCase } from '../tickets/open-ticket.use-case';
import { TicketEntity } from '../tickets/ticket.entity';
import { UploadedAttachmentsRepository } from '../tickets/uploaded-attachments.repository';
import {
  PortalNewTicketDto,
  PortalTicketDto,
  PortalTicketFormDto,
  PortalTicketListDto,
  PortalTicketSummaryDto,
  toPortalTicket,
  toPortalTicketForm,
  toPortalTicketSummary,
} from './portal.dto';
import { PortalScope, PortalTicketsRepository } from './portal-tickets.repository';
import type { PortalViewer } from './portal-viewer';

/**
 * What a customer reads and opens in the portal: only tickets it may see (others answer 404, as if they did not
 * exist), only their public thread.
 */
@Injectable()
export class PortalService {
  constructor(
    @Inject(ATTACHMENT_LIMITS) private readonly limits: AttachmentLimitsConfig,
    private readonly dataSource: DataSource,
    private readonly directory: ContactDirectoryService,
    private readonly portalTickets: PortalTicketsRepository,
    private readonly categories: CategoriesService,
    private readonly openTicket: OpenTicketUseCase,
    private readonly uploads: UploadedAttachmentsRepository,
    private readonly callbacks: PhoneCallbacksService,
  ) {}

  async form(): Promise<PortalTicketFormDto> {
    return toPortalTicketForm(
      await this.categories.list({ includeInactive: false }),
      priorityDefinitions,
      this.limits,
      await this.callbacks.allowedCategoryIds(),
    );
  }

  async list(contact: ContactPrincipal, query: PortalTicketListDto): Promise<PageOf<PortalTicketSummaryDto>> {
    const viewer = await this.viewerOf(contact);
    const { limit, offset } = query;
    const [tickets, total] = await this.portalTickets.list(viewer, scopeOf(viewer, query), query.status && ticketStatusesOf(query.status), {
      limit,
      offset,
    });
    return { items: tickets.map((ticket) => toPortalTicketSummary(ticket, viewer)), total, limit, offset };
  }

  async get(contact: ContactPrincipal, id: string): Promise<PortalTicketDto> {
    return this.detail(id, await this.viewerOf(contact));
  }

  /**
   * Opens a ticket (channel web) with the contact as requester, as the portal's form asks for it; with the phone call
   * asked for, unless its category has no phone support.
   */
  async open(contact: ContactPrincipal, input: PortalNewTicketDto): Promise<PortalTicketDto> {
    const { phoneCallback } = input;
    if (phoneCallback) await this.callbacks.requireAllowed(input.categoryId);
    const ticket = await this.openTicket.open(
      {
        requester: { contactId: contact.contactId },
        subject: input.subject,
        body: input.description,
        priority: input.priority,
        categoryId: input.categoryId,
        tags: [],
        ccs: [],
        attachments: input.attachments,
      },
      { type: 'contact', id: contact.contactId },
      phoneCallback && ((opened, work) => this.callbacks.record(opened.id, phoneCallback, contact.contactId, work)),
    );
    return this.detail(ticket.id, await this.viewerOf(contact));
  }

  /** A file given with a public message of a ticket the contact may see. */
  async attachment(contact: ContactPrincipal, ticketId: string, sha256: string): Promise<StoredFile> {
    await this.requireVisible(ticketId, await this.viewerOf(contact));
    const file = await this.uploads.findOnTicket(ticketId, sha256, 'public');
    if (!file)
      throw new TicketsException(TicketsErrorCode.AttachmentNotFound, `Ticket ${ticketId} has no attachment ${sha256} to download`);
    return file;
  }

  async viewerOf(contact: ContactPrincipal, manager: EntityManager = this.dataSource.manager): Promise<PortalViewer> {
    const { contactIds, addresses } = await this.directory.identitiesOf(contact.contactId, manager);
    return { contactIds, addresses, primaryOf: contact.primaryOf };
  }

  async detail(id: string, viewer: PortalViewer): Promise<PortalTicketDto> {
    const ticket = await this.requireVisible(id, viewer);
    return toPortalTicket(ticket, await this.portalTickets.publicMessages(id), viewer);
  }

  private async requireVisible(id: string, viewer: PortalViewer): Promise<TicketEntity> {
    const ticket = await this.portalTickets.findVisible(id, viewer);
    if (!ticket) throw new TicketsException(TicketsErrorCode.TicketNotFound, `No ticket ${id}`);
    return ticket;
  }
}

/** A contact sees all tickets only of organizations it is a primary contact of; asking for others is refused. */
function scopeOf(viewer: PortalViewer, query: PortalTicketListDto): PortalScope {
  if (query.scope === 'mine') return { kind: 'mine' };
  const organizationIds = query.organizationId ? [query.organizationId] : viewer.primaryOf;
  if (organizationIds.length === 0 || !organizationIds.every((id) => viewer.primaryOf.includes(id))) {
    throw new TicketsException(
      TicketsErrorCode.NotPrimaryContact,
      query.organizationId
        ? `You are not a primary contact of the organization ${query.organizationId}`
        : 'Only primary contacts of an organization see its tickets',
    );
  }
  return { kind: 'organization', organizationIds };
}
