import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InboundMail, Requester, Topics } from '@helpgate/contracts';
import { Outbox } from '@helpgate/outbox';
import type { TicketMailConfig } from '../config';
import { acknowledgementMail } from '../domain/acknowledgement';
import { ThreadTokens } from '../domain/thread-tokens';
import { systemMessage } from '../tickets/system-message';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketsRepository } from '../tickets/tickets.repository';

export const TICKET_MAIL_CONFIG = Symbol('TICKET_MAIL_CONFIG');

/**
 * Tells the customer their mail became a ticket. Never to machines (auto-replies, bounces, lists),
 * and at most a few times per window to one address, so two auto-responders can never loop.
 */
@Injectable()
export class Acknowledgements {
  private readonly logger = new Logger(Acknowledgements.name);

  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly config: TicketMailConfig,
    private readonly tokens: ThreadTokens,
    private readonly tickets: TicketsRepository,
  ) {}

  async sendFor(ticket: TicketEntity, mail: InboundMail, requester: Requester, manager: EntityManager, outbox: Outbox): Promise<void> {
    if (!this.config.sendAcknowledgements || mail.isAutomated) return;
    const since = new Date(Date.now() - this.config.autoReplyWindowMinutes * 60_000);
    if ((await this.tickets.countAutomaticRepliesSince(requester.email, since, manager)) >= this.config.autoReplyLimit) {
      this.logger.warn({ ticketId: ticket.id }, 'acknowledgement skipped: automatic reply limit for the requester reached');
      return;
    }
    const requestId = randomUUID();
    const supportDomain = mail.supportAddress.slice(mail.supportAddress.lastIndexOf('@') + 1);
    const outbound = acknowledgementMail({
      requestId,
      messageId: this.tokens.messageIdFor(ticket.id, supportDomain),
      ticket,
      requester,
      supportAddress: mail.supportAddress,
      supportName: this.config.supportName,
      replyAddress: this.tokens.replyAddressFor(ticket.id, mail.supportAddress),
      answers: { messageId: mail.messageId, references: mail.references },
    });
    await this.tickets.addMessage(
      ticket,
      systemMessage({
        mailMessageId: outbound.messageId,
        authorEmail: mail.supportAddress,
        authorName: this.config.supportName,
        visibility: 'public',
        direction: 'outbound',
        bodyText: outbound.text,
        outboundRequestId: requestId,
        deliveryStatus: 'queued',
      }),
      manager,
    );
    await this.tickets.recordAutomaticReply(requester.email, manager);
    await outbox.add(Topics.EmailOutboundRequested, ticket.id, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      mail: outbound,
    });
  }
}
