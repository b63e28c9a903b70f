import { Injectable, Logger } from '@nestjs/common';
import { CustomerSuccessRequest, IdentityCustomerSuccessRequesterResolvedV1, Requester, Topics } from '@helpgate/contracts';
import { CategoriesService } from '../categories/categories.service';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { AcknowledgementsService } from '../inbound-mail/acknowledgements.service';
import { requesterMessage } from '../tickets/messages-without-mail';
import { TicketLifecycleService } from '../tickets/ticket-lifecycle.service';
import { TicketTransactionsService } from '../tickets/ticket-transactions.service';
import { TicketWork } from '../tickets/ticket-work';
import { CustomerSuccessRepository } from './customer-success.repository';
import { subjectOf } from './request-subject';

/**
 * Opens the ticket a customer-success request becomes, once identity has resolved its requester: channel `web`, in
 * the category the request chose, the message as the requester's first public message, through the ticket lifecycle
 * like any new ticket, and acknowledged by mail at the address given, where the conversation goes on. One ticket per
 * submission, however often its resolution arrives.
 */
@Injectable()
export class OpenCustomerSuccessTicketUseCase {
  private readonly logger = new Logger(OpenCustomerSuccessTicketUseCase.name);

  constructor(
    private readonly transactions: TicketTransactionsService,
    private readonly lifecycle: TicketLifecycleService,
    private readonly directory: ContactDirectoryService,
    private readonly categories: CategoriesService,
    private readonly acknowledgements: AcknowledgementsService,
    private readonly submissions: CustomerSuccessRepository,
  ) {}

  async execute(event: IdentityCustomerSuccessRequesterResolvedV1): Promise<void> {
    const { request, requester } = event;
    await this.transactions.runOnceEach([event], Topics.IdentityCustomerSuccessRequesterResolved, async (_fresh, work) => {
      const opened = await this.submissions.ticketOf(request.submissionId, work.manager);
      if (opened) {
        this.logger.log({ submissionId: request.submissionId, ticketId: opened }, 'customer-success request has its ticket already');
        return;
      }
      await this.directory.learnRequesters([event], work.manager);
      // A category deactivated since the request was sent must not lose it: the ticket is opened uncategorized.
      const categoryId = (await this.categories.isAssignable(request.categoryId, work.manager)) ? request.categoryId : null;
      const ticketId = await this.open(request, categoryId, requester, work);
      await this.submissions.recordTicket(
        { id: request.submissionId, email: request.email, clientAddress: null, submittedAt: new Date(request.submittedAt) },
        ticketId,
        work.manager,
      );
      this.logger.log({ submissionId: request.submissionId, ticketId }, 'ticket opened from a customer-success request');
    });
  }

  private async open(request: CustomerSuccessRequest, categoryId: string | null, requester: Requester, work: TicketWork): Promise<string> {
    const ticket = await this.lifecycle.open(
      {
        subject: subjectOf(request.message),
        status: 'new',
        priority: request.priority,
        channel: 'web',
        requesterContactId: requester.contactId,
        requesterEmail: requester.email,
        requesterName: requester.name,
        organizationId: requester.organizationId,
        organizationName: requester.organizationName,
        categoryId,
        assigneeId: null,
        tags: ['customer-success'],
        supportAddress: null,
        linkedTicketId: null,
        linkKind: null,
      },
      requesterMessage(requester, {
        authorName: requester.name,
        authorAgentId: null,
        visibility: 'public',
        direction: 'inbound',
        bodyText: request.message,
        attachments: [],
      }),
      [],
      { type: 'contact', id: requester.contactId },
      work,
    );
    await this.acknowledgements.sendFromDefaultAddress(ticket, requester, work);
    return ticket.id;
  }
}
