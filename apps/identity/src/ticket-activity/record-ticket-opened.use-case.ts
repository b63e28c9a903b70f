import { Injectable, Logger } from '@nestjs/common';
import { Topics, TicketsTicketChangedV2 } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactActivitiesRepository, ContactActivityEntry } from '../contacts/contact-activities.repository';
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

  /** Records the openings of a batch of new tickets in one transaction, in the order given. */
  async execute(events: readonly TicketsTicketChangedV2[]): Promise<void> {
    if (events.length === 0) return;
    await this.events.runOnceEach(events, Topics.TicketsTicketChanged, async (fresh, manager) => {
      const timelineOwners = await this.contacts.findTimelineOwners(
        fresh.map((event) => event.ticket.requesterContactId),
        manager,
      );
      const entries: ContactActivityEntry[] = [];
      for (const { ticket } of fresh) {
        const owner = timelineOwners.get(ticket.requesterContactId);
        if (!owner) {
          this.logger.warn(
            { ticketId: ticket.id, contactId: ticket.requesterContactId },
            'ticket opened for an unknown contact: no activity recorded',
          );
          continue;
        }
        entries.push({ contactId: owner, activity: { kind: 'ticket_opened', details: { ticketId: ticket.id, number: ticket.number } } });
      }
      await this.activities.recordAll(entries, manager);
    });
  }
}
