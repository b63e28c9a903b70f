import { Injectable, Logger } from '@nestjs/common';
import type { ContactPrincipal } from '@helpgate/auth';
import type { Requester, TicketActor } from '@helpgate/contracts';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { routeReply } from '../domain/reply-routing';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { linkedTicketDraft } from '../tickets/linked-ticket-draft';
import { requesterMessage } from '../tickets/messages-without-mail';
import { TicketLifecycleService } from '../tickets/ticket-lifecycle.service';
import { TicketWork } from '../tickets/ticket-work';
import { TicketEntity, TicketLinkKind } from '../tickets/ticket.entity';
import { TicketCcsRepository } from '../tickets/ticket-ccs.repository';
import { NewTicketMessage, TicketsRepository } from '../tickets/tickets.repository';
import { PortalReplyDto, PortalTicketDto } from './portal.dto';
import { PortalService } from './portal.service';
import { PortalTicketsRepository } from './portal-tickets.repository';
import { TicketTransactionsService } from '../tickets/ticket-transactions.service';
import { GivenFilesService } from '../tickets/given-files.service';
import { MessageAttachment } from '../tickets/ticket-message.entity';

/** What a customer's reply adds: its text and the files given with it, stored. */
interface PortalReply {
  text: string;
  attachments: MessageAttachment[];
}

/**
 * A customer replies in the portal, under the same rules as by mail (`routeReply`): a solved or pending ticket
 * reopens, a closed one gets a linked follow-up taking the reply, and someone who only sees the ticket as a primary
 * contact of its organization (not its requester, not copied) gets a linked ticket of their own rather than writing
 * into a conversation whose mails they never receive.
 */
@Injectable()
export class PortalRepliesUseCase {
  private readonly logger = new Logger(PortalRepliesUseCase.name);

  constructor(
    private readonly transactions: TicketTransactionsService,
    private readonly lifecycle: TicketLifecycleService,
    private readonly tickets: TicketsRepository,
    private readonly ccs: TicketCcsRepository,
    private readonly portalTickets: PortalTicketsRepository,
    private readonly directory: ContactDirectoryService,
    private readonly portal: PortalService,
    private readonly givenFiles: GivenFilesService,
  ) {}

  /** Answers the ticket that took the reply: the one replied to, or the linked ticket the reply opened. */
  async execute(contact: ContactPrincipal, ticketId: string, input: PortalReplyDto): Promise<PortalTicketDto> {
    const files = this.givenFiles.accept(input.attachments);
    const { answered, viewer } = await this.transactions.run(async (work) => {
      const { manager } = work;
      const viewer = await this.portal.viewerOf(contact, manager);
      const visible = await this.portalTickets.findVisible(ticketId, viewer, manager);
      const repliedTo = visible && (await this.tickets.lock(ticketId, manager));
      if (!repliedTo) throw new TicketsException(TicketsErrorCode.TicketNotFound, `No ticket ${ticketId}`);
      const author = await this.directory.requester({ contactId: contact.contactId }, manager);
      const ccEmails = await this.ccs.emailsOfTicket(repliedTo.id, manager);
      // Copied under another of its addresses than the primary one, the contact replies as that address, as by mail.
      const email = viewer.addresses.find((address) => ccEmails.includes(address)) ?? author.email;
      const route = routeReply({ ...repliedTo, ccEmails }, { kind: 'customer', contactId: author.contactId, email });
      const actor: TicketActor = { type: 'contact', id: author.contactId };
      const reply = { text: input.body, attachments: await this.givenFiles.store(files, manager) };
      if (route.action === 'open-linked') {
        return { answered: await this.openLinked(repliedTo, route.link, { ...author, email }, reply, actor, work), viewer };
      }
      const authorKind = author.contactId === repliedTo.requesterContactId ? 'requester' : 'cc';
      const statusBefore = repliedTo.status;
      await this.lifecycle.addMessage(repliedTo, this.message({ ...author, email }, reply, authorKind), actor, work);
      // A rule reacting to the message may have moved the ticket already (e.g. solved on a thank-you): its move stands.
      if (route.newStatus && repliedTo.status === statusBefore) {
        await this.lifecycle.change(repliedTo, { status: route.newStatus }, actor, work);
      }
      return { answered: repliedTo, viewer };
    });
    this.logger.log({ ticketId: answered.id, repliedTo: ticketId, contactId: contact.contactId }, 'customer replied in the portal');
    return this.portal.detail(answered.id, viewer);
  }

  /** The reply opens a ticket linked to the one replied to, with the replying contact as its requester. */
  private async openLinked(
    repliedTo: TicketEntity,
    link: TicketLinkKind,
    author: Requester,
    reply: PortalReply,
    actor: TicketActor,
    work: TicketWork,
  ): Promise<TicketEntity> {
    const ccs =
      link === 'follow-up' ? (await this.ccs.ofTicket(repliedTo.id, work.manager)).filter((cc) => cc.address !== author.email) : [];
    return this.lifecycle.open(
      {
        ...linkedTicketDraft(repliedTo, link),
        channel: 'web',
        requesterContactId: author.contactId,
        requesterEmail: author.email,
        requesterName: author.name,
        organizationId: author.organizationId,
        organizationName: author.organizationName,
      },
      this.message(author, reply, 'requester'),
      ccs,
      actor,
      work,
    );
  }

  private message(author: Requester, reply: PortalReply, authorKind: 'requester' | 'cc'): NewTicketMessage {
    return requesterMessage(author, {
      authorName: author.name,
      authorKind,
      visibility: 'public',
      direction: 'inbound',
      bodyText: reply.text,
      attachments: reply.attachments,
    });
  }
}
