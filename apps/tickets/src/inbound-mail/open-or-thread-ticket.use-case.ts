import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IdentityRequesterResolvedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { referencedMessageIds, ticketNumbersInSubject } from '../domain/thread-matching';
import { TicketEntity } from '../tickets/ticket.entity';
import { TicketsRepository } from '../tickets/tickets.repository';

const noSubject = '(no subject)';

/** Turns a mail whose requester is known into a new ticket, or a message on the ticket it replies to. */
@Injectable()
export class OpenOrThreadTicketUseCase {
  private readonly logger = new Logger(OpenOrThreadTicketUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly tickets: TicketsRepository,
  ) {}

  async execute(event: IdentityRequesterResolvedV1): Promise<void> {
    const { mail, requester } = event;
    await this.events.runOnce(event, Topics.IdentityRequesterResolved, async (manager, outbox) => {
      if (await this.tickets.mailMessageExists(mail.messageId, manager)) {
        this.logger.log({ inboundMessageId: mail.inboundMessageId }, 'mail already on a ticket; duplicate delivery ignored');
        return;
      }
      const existing = await this.findTicketRepliedTo(event, manager);
      const ticket =
        existing ??
        (await this.tickets.create(
          {
            subject: mail.subject.trim() || noSubject,
            status: 'new',
            channel: 'email',
            requesterContactId: requester.contactId,
            requesterEmail: requester.email,
            requesterName: requester.name,
            organizationId: requester.organizationId,
            organizationName: requester.organizationName,
          },
          manager,
        ));
      await this.tickets.addMessage(
        ticket,
        {
          mailMessageId: mail.messageId,
          inboundMessageId: mail.inboundMessageId,
          authorContactId: requester.contactId,
          authorEmail: requester.email,
          authorName: requester.name,
          visibility: 'public',
          bodyText: mail.text,
          rawMessageSha256: mail.rawMessage.sha256,
        },
        manager,
      );
      await outbox.add(Topics.TicketsTicketChanged, ticket.id, {
        eventId: randomUUID(),
        occurredAt: new Date().toISOString(),
        change: existing ? 'message_added' : 'created',
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
      this.logger.log({ ticketId: ticket.id, ticketNumber: ticket.number, threaded: Boolean(existing) }, 'inbound mail recorded');
    });
  }

  /** Threading headers win; a `[#123]` subject token counts only for a ticket of the same requester. */
  private async findTicketRepliedTo(
    { mail, requester }: IdentityRequesterResolvedV1,
    manager: EntityManager,
  ): Promise<TicketEntity | null> {
    return (
      (await this.tickets.findByMailMessageIds(referencedMessageIds(mail), manager)) ??
      (await this.tickets.findByNumberForRequester(ticketNumbersInSubject(mail.subject), requester.contactId, manager))
    );
  }
}
