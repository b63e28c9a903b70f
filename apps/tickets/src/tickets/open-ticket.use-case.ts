import { Inject, Injectable, Logger } from '@nestjs/common';
import type { TicketActor } from '@helpgate/contracts';
import { CategoriesService } from '../categories/categories.service';
import type { TicketMailConfig } from '../config';
import { ContactDirectoryService, RequesterReference } from '../contacts/contact-directory.service';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { AgentActor } from './current-agent.decorator';
import { requesterMessage } from './messages-without-mail';
import { CreateTicketDto, GivenAttachment, TicketDetailDto, toTicketDetail } from './ticket.dto';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketEntity } from './ticket.entity';
import { TicketsRepository } from './tickets.repository';
import { GivenFilesService } from './given-files.service';
import { TicketTransactionsService } from './ticket-transactions.service';
import type { TicketWork } from './ticket-work';

/** A ticket asked for through the API: by an agent for a contact, or by the contact itself in the portal. */
export interface WebTicketRequest {
  requester: RequesterReference;
  subject: string;
  body: string;
  priority: CreateTicketDto['priority'];
  categoryId?: string;
  tags: string[];
  ccs: string[];
  attachments: GivenAttachment[];
}

/**
 * Opens a ticket through the API (the web channel) for a contact identity knows, with the requester's description as
 * its first message and its files stored here (they never pass through email-ingest): for agents, and for the portal.
 */
@Injectable()
export class OpenTicketUseCase {
  private readonly logger = new Logger(OpenTicketUseCase.name);

  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly mailConfig: TicketMailConfig,
    private readonly transactions: TicketTransactionsService,
    private readonly lifecycle: TicketLifecycleService,
    private readonly directory: ContactDirectoryService,
    private readonly categories: CategoriesService,
    private readonly tickets: TicketsRepository,
    private readonly givenFiles: GivenFilesService,
  ) {}

  async execute(input: CreateTicketDto, actor: AgentActor): Promise<TicketDetailDto> {
    const ticket = await this.open(input, actor);
    return toTicketDetail((await this.tickets.findWithMessages(ticket.id))!);
  }

  /**
   * Opens the ticket; an agent opening it for a contact is recorded as the one who wrote the description. `alsoRecord`
   * adds what the caller keeps about the new ticket in the same transaction (the portal's phone-call request).
   */
  async open(
    input: WebTicketRequest,
    actor: TicketActor,
    alsoRecord?: (ticket: TicketEntity, work: TicketWork) => Promise<void>,
  ): Promise<TicketEntity> {
    const files = this.givenFiles.accept(input.attachments);
    const ticket = await this.transactions.run(async (work) => {
      const { manager } = work;
      const requester = await this.directory.requester(input.requester, manager);
      if (input.categoryId) await this.categories.requireAssignable(input.categoryId, manager);
      const attachments = await this.givenFiles.store(files, manager);
      const ccs = input.ccs.filter((address) => address !== requester.email).map((address) => ({ address }));
      const opened = await this.lifecycle.open(
        {
          subject: input.subject,
          status: 'new',
          priority: input.priority,
          channel: 'web',
          requesterContactId: requester.contactId,
          requesterEmail: requester.email,
          requesterName: requester.name,
          organizationId: requester.organizationId,
          organizationName: requester.organizationName,
          categoryId: input.categoryId ?? null,
          assigneeId: null,
          tags: input.tags,
          supportAddress: null,
          linkedTicketId: null,
          linkKind: null,
        },
        requesterMessage(requester, {
          authorName: requester.name,
          authorAgentId: actor.type === 'agent' ? actor.id : null,
          visibility: 'public',
          direction: 'inbound',
          bodyText: input.body,
          attachments,
        }),
        ccs.slice(0, this.mailConfig.maxCcs),
        actor,
        work,
      );
      await alsoRecord?.(opened, work);
      return opened;
    });
    this.logger.log(
      { ticketId: ticket.id, ticketNumber: ticket.number, by: actor.type, attachments: files.length },
      'ticket opened through the API',
    );
    return ticket;
  }
}
