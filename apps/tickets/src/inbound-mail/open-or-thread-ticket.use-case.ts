import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityRequesterResolvedV2, InboundMail, replyTextOf, Requester, TicketActor, Topics } from '@helpgate/contracts';
import { CategoriesService } from '../categories/categories.service';
import type { TicketMailConfig } from '../config';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { ccParticipants } from './participants';
import { routeReply } from '../domain/reply-routing';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { systemMessage } from '../tickets/messages-without-mail';
import { TicketLifecycleService, TicketRequest } from '../tickets/ticket-lifecycle.service';
import { TicketTransactionsService } from '../tickets/ticket-transactions.service';
import { TicketWork } from '../tickets/ticket-work';
import { TicketEntity, TicketLinkKind, TicketStatus } from '../tickets/ticket.entity';
import { TicketCcsRepository } from '../tickets/ticket-ccs.repository';
import { TicketThreadsRepository } from '../tickets/ticket-threads.repository';
import { NewTicketMessage, TicketsRepository } from '../tickets/tickets.repository';
import { AcknowledgementsService } from './acknowledgements.service';
import { ThreadResolverService } from './thread-resolver.service';

const noSubject = '(no subject)';

/** A mail to open a ticket for, linked to the ticket it answered when that one could not take it. */
interface MailToOpen {
  mail: InboundMail;
  requester: Requester;
  link?: { ticketId: string; kind: TicketLinkKind };
}

/**
 * Turns a mail whose requester is known into a new ticket or a message on the ticket it replies to,
 * records who was copied, and acknowledges new tickets. Machine-written mail joins a ticket it
 * answers (agents see the bounce or auto-reply) but never opens one and never changes its status.
 */
@Injectable()
export class OpenOrThreadTicketUseCase {
  private readonly logger = new Logger(OpenOrThreadTicketUseCase.name);

  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly config: TicketMailConfig,
    private readonly transactions: TicketTransactionsService,
    private readonly tickets: TicketsRepository,
    private readonly ticketThreads: TicketThreadsRepository,
    private readonly ccs: TicketCcsRepository,
    private readonly lifecycle: TicketLifecycleService,
    private readonly threads: ThreadResolverService,
    private readonly acknowledgements: AcknowledgementsService,
    private readonly categories: CategoriesService,
    private readonly directory: ContactDirectoryService,
  ) {}

  /**
   * Files the mails of one partition, in order, in one transaction, each at most once: a mail whose Message-ID a
   * ticket already holds (before or earlier in the batch) is a duplicate delivery and ignored. Mails that carry no
   * evidence of a ticket can only open one: they are opened together, before any later mail looks for its ticket.
   */
  async execute(events: IdentityRequesterResolvedV2[]): Promise<void> {
    await this.transactions.runOnceEach(events, Topics.IdentityRequesterResolved, async (resolved, work) => {
      const fresh = await this.withoutErasedRequesters(resolved, work.manager);
      await this.acknowledgements.prepareFor(fresh, work);
      const onTickets = await this.ticketThreads.storedMailMessageIds(
        fresh.map((event) => event.mail.messageId),
        work.manager,
      );
      const newTickets: MailToOpen[] = [];
      for (const { mail, requester } of fresh) {
        if (onTickets.has(mail.messageId)) {
          this.logger.log({ inboundMessageId: mail.inboundMessageId }, 'mail already on a ticket; duplicate delivery ignored');
        } else if (this.threads.mayReplyToTicket(mail)) {
          await this.openTickets(newTickets.splice(0), work);
          if (await this.file(mail, requester, work)) onTickets.add(mail.messageId);
        } else if (mail.isAutomated) {
          this.logNotOpened(mail);
        } else {
          newTickets.push({ mail, requester });
          onTickets.add(mail.messageId);
        }
      }
      await this.openTickets(newTickets, work);
      // Last, so that the contacts' rows are locked only until the commit: identity announces a new contact on
      // identity.contact.changed too, whose batch runs beside this one and upserts the same rows; learned first, they
      // held that batch (and the next fetch) for the whole of this transaction, a new sender's mail waiting for both.
      await this.directory.learnRequesters(fresh, work.manager);
    });
  }

  /**
   * Mail identity resolved to a contact it erased afterwards: filing it would copy the person's address and name back
   * onto a ticket and into the directory, and acknowledge it to the address, so it is left out (email-ingest erases
   * the raw mail itself).
   */
  private async withoutErasedRequesters(
    events: IdentityRequesterResolvedV2[],
    manager: EntityManager,
  ): Promise<IdentityRequesterResolvedV2[]> {
    const erased = await this.directory.erasedAmong(
      events.map(({ requester }) => requester.contactId),
      manager,
    );
    return events.filter(({ mail, requester }) => {
      if (!erased.has(requester.contactId)) return true;
      this.logger.log({ inboundMessageId: mail.inboundMessageId, contactId: requester.contactId }, 'mail of an erased contact; not filed');
      return false;
    });
  }

  /** Puts the mail on a new ticket or the ticket it replies to; false when it opens none (machine-written mail). */
  private async file(mail: InboundMail, requester: Requester, work: TicketWork): Promise<boolean> {
    const { manager } = work;
    const found = await this.threads.ticketRepliedTo(mail, manager);
    const repliedTo = found && (await this.tickets.lock(found.id, manager));
    if (!repliedTo && mail.isAutomated) {
      this.logNotOpened(mail);
      return false;
    }
    const route = repliedTo
      ? routeReply(
          { ...repliedTo, ccEmails: await this.ccs.emailsOfTicket(repliedTo.id, manager) },
          { kind: 'customer', contactId: requester.contactId, email: requester.email },
        )
      : undefined;
    if (repliedTo && route?.action === 'append') {
      await this.appendReply(repliedTo, mail, requester, route.newStatus, work);
    } else {
      const link = repliedTo && route?.action === 'open-linked' ? { ticketId: repliedTo.id, kind: route.link } : undefined;
      await this.openTickets([{ mail, requester, link }], work);
    }
    return true;
  }

  private logNotOpened(mail: InboundMail): void {
    this.logger.log(
      { inboundMessageId: mail.inboundMessageId, kind: mail.automation?.kind },
      'automated mail answers no ticket; not opened',
    );
  }

  /** Opens a ticket for each mail (in one statement), then warns of unverified senders and acknowledges them. */
  private async openTickets(mails: readonly MailToOpen[], work: TicketWork): Promise<void> {
    if (mails.length === 0) return;
    const requests: TicketRequest[] = [];
    for (const mail of mails) requests.push(await this.requestFor(mail, work));
    const opened = (await this.lifecycle.openAll(requests, work)).map((ticket, index) => ({ ticket, ...mails[index] }));
    for (const { ticket, mail } of opened) await this.warnIfUnverified(ticket, mail, work);
    await this.acknowledgements.sendForAll(opened, work);
    for (const { ticket, link } of opened) {
      this.logger.log({ ticketId: ticket.id, ticketNumber: ticket.number, linkedTicketId: link?.ticketId }, 'ticket opened from mail');
    }
  }

  private async requestFor({ mail, requester, link }: MailToOpen, work: TicketWork): Promise<TicketRequest> {
    const category = mail.supportAddressCategory ? await this.categories.forLabel(mail.supportAddressCategory, work.manager) : null;
    if (mail.supportAddressCategory && !category) {
      this.logger.warn({ inboundMessageId: mail.inboundMessageId }, "the support address's default category names no active category");
    }
    return {
      draft: {
        subject: mail.subject.trim() || noSubject,
        status: 'new',
        priority: 'normal',
        channel: 'email',
        requesterContactId: requester.contactId,
        requesterEmail: requester.email,
        requesterName: requester.name,
        organizationId: requester.organizationId,
        organizationName: requester.organizationName,
        categoryId: category?.id ?? null,
        assigneeId: null,
        tags: [],
        supportAddress: mail.supportAddress,
        linkedTicketId: link?.ticketId ?? null,
        linkKind: link?.kind ?? null,
      },
      firstMessage: inboundMessage(mail, requester, 'requester'),
      ccs: ccParticipants(mail, requester.email, this.config.maxCcs),
      actor: customer(requester),
    };
  }

  private async appendReply(
    ticket: TicketEntity,
    mail: InboundMail,
    requester: Requester,
    newStatus: TicketStatus | undefined,
    work: TicketWork,
  ): Promise<void> {
    const authorKind = requester.contactId === ticket.requesterContactId ? 'requester' : 'cc';
    const statusBefore = ticket.status;
    await this.lifecycle.addMessage(ticket, inboundMessage(mail, requester, authorKind), customer(requester), work);
    if (!mail.isAutomated) {
      await this.ccs.add(ticket.id, ccParticipants(mail, requester.email, this.config.maxCcs), this.config.maxCcs, work.manager);
    }
    await this.warnIfUnverified(ticket, mail, work);
    // A rule reacting to the message may have moved the ticket already (e.g. solved on a thank-you): its move stands.
    if (newStatus && !mail.isAutomated && ticket.status === statusBefore) {
      await this.lifecycle.change(ticket, { status: newStatus }, customer(requester), work);
    }
    this.logger.log({ ticketId: ticket.id, ticketNumber: ticket.number }, 'reply added to ticket');
  }

  /** A mail failing DMARC may not come from the contact it names: agents are told before they trust it. */
  private async warnIfUnverified(ticket: TicketEntity, mail: InboundMail, work: TicketWork): Promise<void> {
    if (mail.authentication.dmarc !== 'fail') return;
    await this.lifecycle.addMessage(
      ticket,
      systemMessage({
        inboundMessageId: mail.inboundMessageId,
        authorName: 'Helpgate',
        visibility: 'internal',
        direction: 'inbound',
        bodyText: `The previous mail failed DMARC (SPF ${mail.authentication.spf}, DKIM ${mail.authentication.dkim}): it may not come from ${mail.from.address}. Verify the sender before acting on it.`,
      }),
      { type: 'system' },
      work,
    );
  }
}

function customer(requester: Requester): TicketActor {
  return { type: 'contact', id: requester.contactId };
}

function inboundMessage(mail: InboundMail, requester: Requester, authorKind: 'requester' | 'cc'): NewTicketMessage {
  const replyText = replyTextOf(mail);
  return {
    mailMessageId: mail.messageId,
    inboundMessageId: mail.inboundMessageId,
    authorAgentId: null,
    authorRuleId: null,
    authorContactId: requester.contactId,
    authorEmail: requester.email,
    authorName: requester.name,
    // Bounces and auto-replies are for agents, never shown to the customer as part of the conversation.
    visibility: mail.isAutomated ? 'internal' : 'public',
    direction: 'inbound',
    authorKind,
    bodyText: replyText || mail.text,
    fullText: replyText && replyText !== mail.text ? mail.text : null,
    bodyHtml: mail.html ?? null,
    attachments: mail.attachments.map((attachment) => ({ ...attachment, storage: 'email-ingest' })),
    automatedKind: mail.automation?.kind ?? null,
    authentication: mail.authentication,
    rawMessageSha256: mail.rawMessage.sha256,
    outboundRequestId: null,
    deliveryStatus: null,
    deliveryError: null,
  };
}
