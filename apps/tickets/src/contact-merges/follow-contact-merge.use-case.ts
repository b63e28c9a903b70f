import { Injectable, Logger } from '@nestjs/common';
import { IdentityContactMergedV1, Topics } from '@helpgate/contracts';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { TicketLifecycleService } from '../tickets/ticket-lifecycle.service';
import { TicketTransactionsService } from '../tickets/ticket-transactions.service';
import { ContactMergesRepository } from './contact-merges.repository';

/**
 * Gives the survivor of a contact merge the merged-away contact's tickets and messages, and makes the merged-away id
 * lead to the survivor in the contact directory. Each moved ticket's history records the requester change, published
 * as `tickets.ticket.changed`. Tickets keep the requester address and name they were opened with.
 * Merges arrive keyed by the merged-away id, the key its resolved mail had, so tickets opened just before the merge
 * are already here.
 */
@Injectable()
export class FollowContactMergeUseCase {
  private readonly logger = new Logger(FollowContactMergeUseCase.name);

  constructor(
    private readonly transactions: TicketTransactionsService,
    private readonly merges: ContactMergesRepository,
    private readonly lifecycle: TicketLifecycleService,
    private readonly directory: ContactDirectoryService,
  ) {}

  async execute(event: IdentityContactMergedV1): Promise<void> {
    await this.transactions.runOnceEach([event], Topics.IdentityContactMerged, async (_fresh, work) => {
      const moved = await this.merges.reassignContact(event.mergedAwayId, event.survivorId, work.manager);
      this.lifecycle.requesterMerged(moved, event.mergedAwayId, work);
      await this.directory.learnMerge(event, work.manager);
      this.logger.log(
        { survivorId: event.survivorId, mergedAwayId: event.mergedAwayId, movedTickets: moved.length },
        'contact merge followed',
      );
    });
  }
}
