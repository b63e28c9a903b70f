import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { InboundMail } from '@helpgate/contracts';
import { referencedMessageIds, ticketNumbersInSubject } from '../domain/thread-matching';
import { ThreadTokens } from '../domain/thread-tokens';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketThreadsRepository } from '../tickets/ticket-threads.repository';
import { TicketsRepository } from '../tickets/tickets.repository';

/**
 * The ticket an inbound mail replies to, trying the most reliable evidence first: our signed reply
 * address in To or Cc, our signed Message-IDs in In-Reply-To / References, any Message-ID already on
 * a ticket, and last a `[#123]` token in the subject.
 */
@Injectable()
export class ThreadResolverService {
  constructor(
    private readonly tokens: ThreadTokens,
    private readonly tickets: TicketsRepository,
    private readonly threads: TicketThreadsRepository,
  ) {}

  /** False when the mail carries no evidence of a ticket at all, so `ticketRepliedTo` would find none. */
  mayReplyToTicket(mail: InboundMail): boolean {
    const { signedTicketIds, referenced, subjectNumbers } = this.evidenceOf(mail);
    return signedTicketIds.length > 0 || referenced.length > 0 || subjectNumbers.length > 0;
  }

  async ticketRepliedTo(mail: InboundMail, manager: EntityManager): Promise<TicketEntity | null> {
    const { signedTicketIds, referenced, subjectNumbers } = this.evidenceOf(mail);
    for (const ticketId of signedTicketIds) {
      const ticket = await this.tickets.findById(ticketId, manager);
      if (ticket) return ticket;
    }
    return (await this.threads.findByMailMessageIds(referenced, manager)) ?? (await this.threads.findByNumbers(subjectNumbers, manager));
  }

  private evidenceOf(mail: InboundMail): { signedTicketIds: string[]; referenced: string[]; subjectNumbers: number[] } {
    const referenced = referencedMessageIds(mail);
    const signedTicketIds = [
      ...[...mail.to, ...mail.cc].map((mailbox) => this.tokens.ticketOfReplyAddress(mailbox.address)),
      ...referenced.map((messageId) => this.tokens.ticketOfMessageId(messageId)),
    ].filter((ticketId): ticketId is string => ticketId !== null);
    return { signedTicketIds, referenced, subjectNumbers: ticketNumbersInSubject(mail.subject) };
  }
}
