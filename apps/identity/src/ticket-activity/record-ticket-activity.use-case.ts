import { Injectable, Logger } from '@nestjs/common';
import { Topics, TicketsTicketChangedV3 } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactActivitiesRepository, ContactActivityEntry } from '../contacts/contact-activities.repository';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ticketActivityOf } from './ticket-activity';

/**
 * Tickets opened and tickets moved by a merge show on their requester's timeline; a requester merged away meanwhile
 * hands the entry to the survivor. Other ticket events are not recorded (nor marked processed).
 */
@Injectable()
export class RecordTicketActivityUseCase {
  private readonly logger = new Logger(RecordTicketActivityUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly contacts: ContactsRepository,
    private readonly activities: ContactActivitiesRepository,
  ) {}

  /** Records the entries of a batch of ticket events in one transaction, in the order given. */
  async execute(events: readonly TicketsTicketChangedV3[]): Promise<void> {
    const shown = events.filter((event) => ticketActivityOf(event) !== null);
    if (shown.length === 0) return;
    await this.events.runOnceEach(shown, Topics.TicketsTicketChanged, async (fresh, manager) => {
      const candidates = fresh.map((event) => ticketActivityOf(event)!);
      const timelineOwners = await this.contacts.findTimelineOwners(
        candidates.map((entry) => entry.contactId),
        manager,
      );
      const entries: ContactActivityEntry[] = [];
      for (const [index, { contactId, activity }] of candidates.entries()) {
        const owner = timelineOwners.get(contactId);
        if (!owner) {
          this.logger.warn(
            { ticketId: fresh[index].ticket.id, contactId, kind: activity.kind },
            'ticket of an unknown contact: no activity recorded',
          );
          continue;
        }
        entries.push({ contactId: owner, activity });
      }
      await this.activities.recordAll(entries, manager);
    });
  }
}
