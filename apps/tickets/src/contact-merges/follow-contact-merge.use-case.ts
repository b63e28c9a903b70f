import { Injectable, Logger } from '@nestjs/common';
import { IdentityContactMergedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactDirectoryService } from '../contacts/contact-directory.service';
import { ContactMergesRepository } from './contact-merges.repository';

/**
 * Gives the survivor of a contact merge the merged-away contact's tickets and messages, and makes the merged-away id
 * lead to the survivor in the contact directory. Tickets keep the requester address and name they were opened with.
 * Merges arrive keyed by the merged-away id, the key its resolved mail had, so tickets opened just before the merge
 * are already here.
 */
@Injectable()
export class FollowContactMergeUseCase {
  private readonly logger = new Logger(FollowContactMergeUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly merges: ContactMergesRepository,
    private readonly directory: ContactDirectoryService,
  ) {}

  async execute(event: IdentityContactMergedV1): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityContactMerged, async (manager) => {
      const movedTickets = await this.merges.reassignContact(event.mergedAwayId, event.survivorId, manager);
      await this.directory.learnMerge(event, manager);
      this.logger.log({ survivorId: event.survivorId, mergedAwayId: event.mergedAwayId, movedTickets }, 'contact merge followed');
    });
  }
}
