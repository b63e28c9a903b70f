import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { TicketActor } from '@helpgate/contracts';
import type { TicketMailConfig } from '../config';
import { agentReplyMail } from './agent-reply-mail';
import { ThreadTokens } from '../domain/thread-tokens';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { ReplyContent, withPortalValuesNamed } from '../reply-templates/reply-template';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { OutboundAuthor, OutboundMailsService } from './outbound-mails.service';
import { TicketWork } from './ticket-work';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';
import { TicketCcsRepository } from './ticket-ccs.repository';
import { TicketThreadsRepository } from './ticket-threads.repository';

export interface ReplyDelivery {
  /** The ticket whose conversation the mail continues: the ticket itself, or the closed one a follow-up continues. */
  conversation: TicketEntity;
  /** Copy the ticket's CCs (an agent's reply); a rule's mail goes to the requester alone. */
  copyCcs: boolean;
  /** Sent by a rule rather than a person. */
  automatic: boolean;
}

/**
 * Public replies on a ticket, by agents or rules: mailed from the support address the customer wrote to, with a signed
 * Message-ID and reply address, threaded into the conversation. A reply naming `{{portal.*}}` values goes through
 * identity, which fills them and mails the requester's own address only.
 */
@Injectable()
export class TicketRepliesService {
  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly config: TicketMailConfig,
    private readonly tokens: ThreadTokens,
    private readonly ccs: TicketCcsRepository,
    private readonly threads: TicketThreadsRepository,
    private readonly outbound: OutboundMailsService,
  ) {}

  async send(
    ticket: TicketEntity,
    reply: ReplyContent,
    delivery: ReplyDelivery,
    author: OutboundAuthor,
    actor: TicketActor,
    work: TicketWork,
  ): Promise<TicketMessageEntity> {
    if (!ticket.requesterEmail) {
      throw new TicketsException(
        TicketsErrorCode.RequesterErased,
        `The requester of ticket #${ticket.number} was erased: nobody can be mailed`,
      );
    }
    const supportAddress = ticket.supportAddress ?? this.config.defaultSupportAddress;
    const mail = agentReplyMail({
      requestId: randomUUID(),
      messageId: this.tokens.messageIdFor(ticket.id, supportAddress.slice(supportAddress.lastIndexOf('@') + 1)),
      ticket,
      requester: { contactId: ticket.requesterContactId, email: ticket.requesterEmail, name: ticket.requesterName },
      ccs: delivery.copyCcs && !reply.needsPortalValues ? await this.ccs.ofTicket(ticket.id, work.manager) : [],
      supportAddress,
      supportName: this.config.supportName,
      replyAddress: this.tokens.replyAddressFor(ticket.id, supportAddress),
      text: reply.text,
      ...(reply.subject === undefined ? {} : { subject: reply.subject }),
      automatic: delivery.automatic,
      thread: await this.threads.publicMailIds(delivery.conversation.id, work.manager),
    });
    return reply.needsPortalValues
      ? this.outbound.sendThroughIdentity(ticket, mail, withPortalValuesNamed(reply.text), author, actor, work)
      : this.outbound.send(ticket, mail, author, actor, work);
  }
}
