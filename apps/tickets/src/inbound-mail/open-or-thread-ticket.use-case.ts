import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityRequesterResolvedV1, InboundMail, Requester, Topics } from '@helpgate/contracts';
import { Outbox, TransactionalEvents } from '@helpgate/outbox';
import type { TicketMailConfig } from '../config';
import { ccParticipants } from '../domain/participants';
import { routeReply } from '../domain/reply-routing';
import { systemMessage } from '../tickets/system-message';
import { TicketEntity, TicketLinkKind } from '../tickets/ticket.entity';
import { TicketsRepository } from '../tickets/tickets.repository';
import { Acknowledgements, TICKET_MAIL_CONFIG } from './acknowledgements';
import { ThreadResolver } from './thread-resolver';

const noSubject = '(no subject)';

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
    private readonly events: TransactionalEvents,
    private readonly tickets: TicketsRepository,
    private readonly threads: ThreadResolver,
    private readonly acknowledgements: Acknowledgements,
  ) {}

  async execute(event: IdentityRequesterResolvedV1): Promise<void> {
    const { mail, requester } = event;
    await this.events.runOnce(event, Topics.IdentityRequesterResolved, async (manager, outbox) => {
      if (await this.tickets.mailMessageExists(mail.messageId, manager)) {
        this.logger.log({ inboundMessageId: mail.inboundMessageId }, 'mail already on a ticket; duplicate delivery ignored');
        return;
      }
      const repliedTo = await this.threads.ticketRepliedTo(mail, manager);
      if (!repliedTo && mail.isAutomated) {
        this.logger.log(
          { inboundMessageId: mail.inboundMessageId, kind: mail.automation?.kind },
          'automated mail answers no ticket; not opened',
        );
        return;
      }
      const route = repliedTo
        ? routeReply(
            { ...repliedTo, ccEmails: await this.tickets.ccEmails(repliedTo.id, manager) },
            { contactId: requester.contactId, email: requester.email },
          )
        : undefined;
      if (repliedTo && route?.action === 'append') {
        await this.appendReply(repliedTo, mail, requester, route.newStatus, manager, outbox);
      } else {
        const link = repliedTo && route?.action === 'open-linked' ? { ticketId: repliedTo.id, kind: route.link } : undefined;
        await this.openTicket(mail, requester, link, manager, outbox);
      }
    });
  }

  private async openTicket(
    mail: InboundMail,
    requester: Requester,
    link: { ticketId: string; kind: TicketLinkKind } | undefined,
    manager: EntityManager,
    outbox: Outbox,
  ): Promise<void> {
    const ticket = await this.tickets.create(
      {
        subject: mail.subject.trim() || noSubject,
        status: 'new',
        channel: 'email',
        requesterContactId: requester.contactId,
        requesterEmail: requester.email,
        requesterName: requester.name,
        organizationId: requester.organizationId,
        organizationName: requester.organizationName,
        category: mail.supportAddressCategory ?? null,
        linkedTicketId: link?.ticketId ?? null,
        linkKind: link?.kind ?? null,
      },
      manager,
    );
    await this.recordInboundMessage(ticket, mail, requester, 'requester', manager);
    await this.acknowledgements.sendFor(ticket, mail, requester, manager, outbox);
    await this.announce(ticket, 'created', outbox);
    this.logger.log({ ticketId: ticket.id, ticketNumber: ticket.number, linkedTicketId: link?.ticketId }, 'ticket opened from mail');
  }

  private async appendReply(
    ticket: TicketEntity,
    mail: InboundMail,
    requester: Requester,
    newStatus: TicketEntity['status'] | undefined,
    manager: EntityManager,
    outbox: Outbox,
  ): Promise<void> {
    const authorKind = requester.contactId === ticket.requesterContactId ? 'requester' : 'cc';
    await this.recordInboundMessage(ticket, mail, requester, authorKind, manager);
    if (newStatus && !mail.isAutomated) await this.tickets.setStatus(ticket, newStatus, manager);
    await this.announce(ticket, 'message_added', outbox);
    this.logger.log({ ticketId: ticket.id, ticketNumber: ticket.number }, 'reply added to ticket');
  }

  private async recordInboundMessage(
    ticket: TicketEntity,
    mail: InboundMail,
    requester: Requester,
    authorKind: 'requester' | 'cc',
    manager: EntityManager,
  ): Promise<void> {
    await this.tickets.addMessage(
      ticket,
      {
        mailMessageId: mail.messageId,
        inboundMessageId: mail.inboundMessageId,
        authorContactId: requester.contactId,
        authorEmail: requester.email,
        authorName: requester.name,
        // Bounces and auto-replies are for agents, never shown to the customer as part of the conversation.
        visibility: mail.isAutomated ? 'internal' : 'public',
        direction: 'inbound',
        authorKind,
        bodyText: mail.replyText || mail.text,
        fullText: mail.replyText && mail.replyText !== mail.text ? mail.text : null,
        bodyHtml: mail.html ?? null,
        attachments: mail.attachments,
        automatedKind: mail.automation?.kind ?? null,
        authentication: mail.authentication,
        rawMessageSha256: mail.rawMessage.sha256,
        outboundRequestId: null,
        deliveryStatus: null,
        deliveryError: null,
      },
      manager,
    );
    if (!mail.isAutomated)
      await this.tickets.addCcs(ticket.id, ccParticipants(mail, requester.email, this.config.maxCcs), this.config.maxCcs, manager);
    if (mail.authentication.dmarc === 'fail') await this.warnUnverifiedSender(ticket, mail, manager);
  }

  /** A mail failing DMARC may not come from the contact it names: agents are told before they trust it. */
  private async warnUnverifiedSender(ticket: TicketEntity, mail: InboundMail, manager: EntityManager): Promise<void> {
    await this.tickets.addMessage(
      ticket,
      systemMessage({
        inboundMessageId: mail.inboundMessageId,
        authorName: 'Helpgate',
        visibility: 'internal',
        direction: 'inbound',
        bodyText: `The previous mail failed DMARC (SPF ${mail.authentication.spf}, DKIM ${mail.authentication.dkim}): it may not come from ${mail.from.address}. Verify the sender before acting on it.`,
      }),
      manager,
    );
  }

  private async announce(ticket: TicketEntity, change: 'created' | 'message_added', outbox: Outbox): Promise<void> {
    await outbox.add(Topics.TicketsTicketChanged, ticket.id, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      change,
      ticket: {
        id: ticket.id,
        number: ticket.number,
        subject: ticket.subject,
        status: ticket.status,
        channel: ticket.channel,
        requesterContactId: ticket.requesterContactId,
        organizationId: ticket.organizationId,
      },
    });
  }
}
