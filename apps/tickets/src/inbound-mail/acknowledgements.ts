import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InboundMail, Requester } from '@helpgate/contracts';
import type { TicketMailConfig } from '../config';
import { acknowledgementMail } from '../domain/acknowledgement';
import { ThreadTokens } from '../domain/thread-tokens';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { AutomaticReplies } from '../tickets/automatic-replies';
import { OutboundMails } from '../tickets/outbound-mails';
import { TicketWork } from '../tickets/ticket-work';
import { TicketEntity } from '../tickets/ticket.entity';

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
    private readonly automaticReplies: AutomaticReplies,
    private readonly outbound: OutboundMails,
  ) {}

  /** Looks up at once what the requesters of a batch of mail were sent, so that acknowledging each costs no query. */
  async prepareFor(mails: { mail: InboundMail; requester: Requester }[], work: TicketWork): Promise<void> {
    if (!this.config.sendAcknowledgements) return;
    const recipients = mails.filter(({ mail }) => !mail.isAutomated).map(({ requester }) => requester.email);
    await this.automaticReplies.lookUp(recipients, work);
  }

  async sendFor(ticket: TicketEntity, mail: InboundMail, requester: Requester, work: TicketWork): Promise<void> {
    if (!this.config.sendAcknowledgements || mail.isAutomated) return;
    if (!(await this.automaticReplies.take(requester.email, work))) {
      this.logger.warn({ ticketId: ticket.id }, 'acknowledgement skipped: automatic reply limit for the requester reached');
      return;
    }
    const supportDomain = mail.supportAddress.slice(mail.supportAddress.lastIndexOf('@') + 1);
    const outbound = acknowledgementMail({
      requestId: randomUUID(),
      messageId: this.tokens.messageIdFor(ticket.id, supportDomain),
      ticket,
      requester,
      supportAddress: mail.supportAddress,
      supportName: this.config.supportName,
      replyAddress: this.tokens.replyAddressFor(ticket.id, mail.supportAddress),
      answers: { messageId: mail.messageId, references: mail.references },
    });
    await this.outbound.send(ticket, outbound, { kind: 'system', name: this.config.supportName }, { type: 'system' }, work);
  }
}
