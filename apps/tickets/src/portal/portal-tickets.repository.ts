import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { TicketMessageEntity } from '../tickets/ticket-message.entity';
import { TicketEntity, TicketStatus } from '../tickets/ticket.entity';
import type { PortalViewer } from './portal-viewer';

/** Whose tickets a list shows: those the contact takes part in, or all of some organizations it is a primary contact of. */
export type PortalScope = { kind: 'mine' } | { kind: 'organization'; organizationIds: string[] };

/**
 * The tickets a contact may see, and nothing else: those it requested or is copied on (the people mail lets take part)
 * and, for a primary contact, those of its organizations.
 */
@Injectable()
export class PortalTicketsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    viewer: PortalViewer,
    scope: PortalScope,
    statuses: TicketStatus[] | undefined,
    page: Page,
  ): Promise<[TicketEntity[], number]> {
    const query = this.tickets(this.dataSource.manager);
    if (scope.kind === 'mine') query.andWhere(takesPart(viewer));
    else query.andWhere('ticket.organization_id = ANY(:organizationIds)', { organizationIds: scope.organizationIds });
    if (statuses) query.andWhere('ticket.status IN (:...statuses)', { statuses });
    return query
      .orderBy('ticket.updatedAt', 'DESC')
      .addOrderBy('ticket.number', 'DESC')
      .limit(page.limit)
      .offset(page.offset)
      .getManyAndCount();
  }

  /** The ticket when the contact may see it, with its CCs. */
  async findVisible(id: string, viewer: PortalViewer, manager: EntityManager = this.dataSource.manager): Promise<TicketEntity | null> {
    return this.tickets(manager)
      .leftJoinAndSelect('ticket.ccs', 'cc')
      .where('ticket.id = :id', { id })
      .andWhere(
        new Brackets((visible) => {
          visible.where(takesPart(viewer));
          if (viewer.primaryOf.length > 0) visible.orWhere('ticket.organization_id = ANY(:primaryOf)', { primaryOf: viewer.primaryOf });
        }),
      )
      .orderBy('cc.email', 'ASC')
      .getOne();
  }

  /** The public thread, oldest first: internal notes and messages for agents never leave the database here. */
  async publicMessages(ticketId: string): Promise<TicketMessageEntity[]> {
    return this.dataSource.getRepository(TicketMessageEntity).find({
      where: { ticketId, visibility: 'public' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  private tickets(manager: EntityManager): SelectQueryBuilder<TicketEntity> {
    return manager.getRepository(TicketEntity).createQueryBuilder('ticket').leftJoinAndSelect('ticket.category', 'category');
  }
}

/** The contact requested the ticket, or one of its addresses is copied on it. */
function takesPart(viewer: PortalViewer): Brackets {
  return new Brackets((query) => {
    query
      .where('ticket.requester_contact_id = ANY(:contactIds)', { contactIds: viewer.contactIds })
      .orWhere('EXISTS (SELECT 1 FROM ticket_ccs copied WHERE copied.ticket_id = ticket.id AND copied.email = ANY(:addresses))', {
        addresses: viewer.addresses,
      });
  });
}
