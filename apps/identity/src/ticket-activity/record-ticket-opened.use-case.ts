import { Injectable, Logger } from '@nestjs/common';
import { Topics, TicketsTicketChangedV2 } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactActivitiesRepository } from '../contacts/contact-activities.repository';
import { ContactsRepository } from '../contacts/contacts.repository';

/** A new ticket shows on its requester's timeline; a requester merged away meanwhile hands it to the survivor. */
@Injectable()
export class RecordTicketOpenedUseCase {
  private readonly logger = new Logger(RecordTicketOpenedUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly activities: ContactActivitiesRepository,
  ) {}

  async execute(event: TicketsTicketChangedV2): Promise<void> {
    const { id: ticketId, number, requesterContactId } = event.ticket;
    await this.events.runOnce(event, Topics.TicketsTicketChanged, async (manager) => {
      const requester = await this.contacts.findById(requesterContactId, manager);
      if (!requester) {
        this.logger.warn({ ticketId, contactId: requesterContactId }, 'ticket opened for an unknown contact: no activity recorded');
        return;
      }
      await this.activities.record(
        requester.mergedIntoId ?? requester.id,
        { kind: 'ticket_opened', details: { ticketId, number } },
        manager,
      );
    });
  }
}
