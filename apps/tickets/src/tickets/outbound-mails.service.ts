import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboundMail, TicketActor, Topics } from '@helpgate/contracts';
import { agentMessage, ruleMessage, systemMessage } from './messages-without-mail';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketWork } from './ticket-work';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';
import { NewTicketMessage } from './tickets.repository';

/** Who a mail of the ticket is from: Helpgate itself (an acknowledgement), an agent (a reply) or an automation rule. */
export type OutboundAuthor =
  { kind: 'system'; name: string } | { kind: 'agent'; agentId: string; name: string } | { kind: 'rule'; ruleId: string; name: string };

/** A mail to send from a ticket, who wrote it and who sends it. */
export interface OutboundSending {
  ticket: TicketEntity;
  mail: OutboundMail;
  author: OutboundAuthor;
  actor: TicketActor;
}

/**
 * Sends mail from a ticket: the mail becomes a public outbound message of the ticket, queued until email-ingest
 * reports its delivery, and the request to send it commits with it.
 */
@Injectable()
export class OutboundMailsService {
  constructor(private readonly lifecycle: TicketLifecycleService) {}

  async send(
    ticket: TicketEntity,
    mail: OutboundMail,
    author: OutboundAuthor,
    actor: TicketActor,
    work: TicketWork,
  ): Promise<TicketMessageEntity> {
    const [message] = await this.sendAll([{ ticket, mail, author, actor }], work);
    return message;
  }

  /** Sends mails from tickets, their messages added in one statement, each request published after its message. */
  async sendAll(sendings: readonly OutboundSending[], work: TicketWork): Promise<TicketMessageEntity[]> {
    const messages = await this.lifecycle.addMessages(
      sendings.map(({ ticket, mail, author, actor }) => ({ ticket, draft: outboundMessage(mail, mail.text, author), actor })),
      work,
    );
    for (const { ticket, mail } of sendings) {
      work.publish(Topics.EmailOutboundRequested, ticket.id, { eventId: randomUUID(), occurredAt: new Date().toISOString(), mail });
    }
    return messages;
  }

  /**
   * Sends a mail naming `{{portal.*}}` values through identity, which fills them (a set-password link among them) and
   * mails it to the requester's own primary address, never to anyone else. The ticket keeps `storedText`, which names
   * those values without holding them; the delivery is reported on the message like any other.
   */
  async sendThroughIdentity(
    ticket: TicketEntity,
    mail: OutboundMail,
    storedText: string,
    author: OutboundAuthor,
    actor: TicketActor,
    work: TicketWork,
  ): Promise<TicketMessageEntity> {
    const message = await this.lifecycle.addMessage(ticket, outboundMessage(mail, storedText, author), actor, work);
    const { to: _addressedByIdentity, ...unaddressed } = mail;
    work.publish(Topics.IdentityAccessMailRequested, ticket.requesterContactId, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      contactId: ticket.requesterContactId,
      mail: { ...unaddressed, cc: [] },
    });
    return message;
  }
}

function outboundMessage(mail: OutboundMail, text: string, author: OutboundAuthor): NewTicketMessage {
  const fields = {
    mailMessageId: mail.messageId,
    authorEmail: mail.from.address,
    authorName: author.name,
    visibility: 'public',
    direction: 'outbound',
    bodyText: text,
    outboundRequestId: mail.requestId,
    deliveryStatus: 'queued',
  } as const;
  switch (author.kind) {
    case 'agent':
      return agentMessage(author.agentId, fields);
    case 'rule':
      return ruleMessage(author.ruleId, fields);
    case 'system':
      return systemMessage(fields);
  }
}
