import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InboundMail, OutboundMail, Requester } from '@helpgate/contracts';
import type { TicketMailConfig } from '../config';
import { acknowledgementMail } from './acknowledgement-mail';
import { ThreadTokens } from '../domain/thread-tokens';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { AutomaticRepliesService } from '../tickets/automatic-replies.service';
import { OutboundAuthor, OutboundMailsService, OutboundSending } from '../tickets/outbound-mails.service';
import { TicketWork } from '../tickets/ticket-work';
import { TicketEntity } from '../tickets/ticket.entity';

/** A ticket just opened from a mail, and who sent it. */
export interface OpenedFromMail {
  ticket: TicketEntity;
  mail: InboundMail;
  requester: Requester;
}

/**
 * Tells the customer their mail became a ticket. Never to machines (auto-replies, bounces, lists),
 * and at most a few times per window to one address, so two auto-responders can never loop.
 */
@Injectable()
export class AcknowledgementsService {
  private readonly logger = new Logger(AcknowledgementsService.name);

  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly config: TicketMailConfig,
    private readonly tokens: ThreadTokens,
    private readonly automaticReplies: AutomaticRepliesService,
    private readonly outbound: OutboundMailsService,
  ) {}

  /** Looks up at once what the requesters of a batch of mail were sent, so that acknowledging each costs no query. */
  async prepareFor(mails: { mail: InboundMail; requester: Requester }[], work: TicketWork): Promise<void> {
    if (!this.config.sendAcknowledgements) return;
    const recipients = mails.filter(({ mail }) => !mail.isAutomated).map(({ requester }) => requester.email);
    await this.automaticReplies.lookUp(recipients, work);
  }

  /** Acknowledges each new ticket opened from a mail, in order, all in one statement. */
  async sendForAll(opened: readonly OpenedFromMail[], work: TicketWork): Promise<void> {
    if (!this.config.sendAcknowledgements) return;
    const sendings: OutboundSending[] = [];
    for (const { ticket, mail, requester } of opened) {
      if (mail.isAutomated) continue;
      if (!(await this.automaticReplies.take(requester.email, work))) {
        this.logger.warn({ ticketId: ticket.id }, 'acknowledgement skipped: automatic reply limit for the requester reached');
        continue;
      }
      sendings.push({ ticket, mail: this.acknowledgementOf(ticket, mail, requester), author: this.author, actor: { type: 'system' } });
    }
    await this.outbound.sendAll(sendings, work);
  }

  private get author(): OutboundAuthor {
    return { kind: 'system', name: this.config.supportName };
  }

  private acknowledgementOf(ticket: TicketEntity, mail: InboundMail, requester: Requester): OutboundMail {
    const supportDomain = mail.supportAddress.slice(mail.supportAddress.lastIndexOf('@') + 1);
    return acknowledgementMail({
      requestId: randomUUID(),
      messageId: this.tokens.messageIdFor(ticket.id, supportDomain),
      ticket,
      requester,
      supportAddress: mail.supportAddress,
      supportName: this.config.supportName,
      replyAddress: this.tokens.replyAddressFor(ticket.id, mail.supportAddress),
      answers: { messageId: mail.messageId, references: mail.references },
    });
  }
}
