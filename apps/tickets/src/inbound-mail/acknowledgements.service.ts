import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InboundMail, OutboundMail, Requester } from '@helpgate/contracts';
import type { TicketMailConfig } from '../config';
import { AcknowledgementInput, acknowledgementMail } from './acknowledgement-mail';
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

/** A new ticket to acknowledge: who asked, the support address answering, and the customer's mail it answers, if any. */
interface Acknowledged {
  ticket: TicketEntity;
  requester: Requester;
  supportAddress: string;
  answers?: AcknowledgementInput['answers'];
}

/**
 * Tells the customer their mail (or chat) became a ticket. Never to machines (auto-replies, bounces, lists),
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
    await this.send(
      opened
        .filter(({ mail }) => !mail.isAutomated)
        .map(({ ticket, mail, requester }) => ({
          ticket,
          requester,
          supportAddress: mail.supportAddress,
          answers: { messageId: mail.messageId, references: mail.references },
        })),
      work,
    );
  }

  /**
   * Acknowledges a ticket that did not come by mail (an escalated chat, a customer-success request) from the default
   * support address: the conversation goes on by mail.
   */
  async sendFromDefaultAddress(ticket: TicketEntity, requester: Requester, work: TicketWork): Promise<void> {
    await this.send([{ ticket, requester, supportAddress: this.config.defaultSupportAddress }], work);
  }

  private async send(acknowledged: readonly Acknowledged[], work: TicketWork): Promise<void> {
    if (!this.config.sendAcknowledgements) return;
    const sendings: OutboundSending[] = [];
    for (const item of acknowledged) {
      if (!(await this.automaticReplies.take(item.requester.email, work))) {
        this.logger.warn({ ticketId: item.ticket.id }, 'acknowledgement skipped: automatic reply limit for the requester reached');
        continue;
      }
      sendings.push({ ticket: item.ticket, mail: this.acknowledgementOf(item), author: this.author, actor: { type: 'system' } });
    }
    await this.outbound.sendAll(sendings, work);
  }

  private get author(): OutboundAuthor {
    return { kind: 'system', name: this.config.supportName };
  }

  private acknowledgementOf({ ticket, requester, supportAddress, answers }: Acknowledged): OutboundMail {
    const supportDomain = supportAddress.slice(supportAddress.lastIndexOf('@') + 1);
    return acknowledgementMail({
      requestId: randomUUID(),
      messageId: this.tokens.messageIdFor(ticket.id, supportDomain),
      ticket,
      requester,
      supportAddress,
      supportName: this.config.supportName,
      replyAddress: this.tokens.replyAddressFor(ticket.id, supportAddress),
      answers,
    });
  }
}
