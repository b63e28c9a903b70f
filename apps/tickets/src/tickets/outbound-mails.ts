import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboundMail, TicketActor, Topics } from '@helpgate/contracts';
import { agentMessage, systemMessage } from './messages-without-mail';
import { TicketLifecycle, TicketWork } from './ticket-lifecycle';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';

/** Who a mail of the ticket is from: Helpgate itself (an acknowledgement) or an agent (a reply). */
export type OutboundAuthor = { kind: 'system'; name: string } | { kind: 'agent'; agentId: string; name: string };

/**
 * Sends mail from a ticket: the mail becomes a public outbound message of the ticket, queued until email-ingest
 * reports its delivery, and the request to send it commits with it.
 */
@Injectable()
export class OutboundMails {
  constructor(private readonly lifecycle: TicketLifecycle) {}

  async send(
    ticket: TicketEntity,
    mail: OutboundMail,
    author: OutboundAuthor,
    actor: TicketActor,
    work: TicketWork,
  ): Promise<TicketMessageEntity> {
    const fields = {
      mailMessageId: mail.messageId,
      authorEmail: mail.from.address,
      authorName: author.name,
      visibility: 'public',
      direction: 'outbound',
      bodyText: mail.text,
      outboundRequestId: mail.requestId,
      deliveryStatus: 'queued',
    } as const;
    const draft = author.kind === 'agent' ? agentMessage(author.agentId, fields) : systemMessage(fields);
    const message = await this.lifecycle.addMessage(ticket, draft, actor, work);
    await work.outbox.add(Topics.EmailOutboundRequested, ticket.id, { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail });
    return message;
  }
}
