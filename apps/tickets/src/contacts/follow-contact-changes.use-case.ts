import { Injectable } from '@nestjs/common';
import { IdentityContactChangedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactDirectoryService } from './contact-directory.service';

/** Keeps the contact directory as identity describes its contacts. */
@Injectable()
export class FollowContactChangesUseCase {
  constructor(
    private readonly events: TransactionalEvents,
    private readonly directory: ContactDirectoryService,
  ) {}

  /** The events of one partition, in order: handled together in one transaction, each at most once. */
  async changed(events: IdentityContactChangedV1[]): Promise<void> {
    await this.events.runOnceEach(events, Topics.IdentityContactChanged, (fresh, manager) => this.directory.learnContacts(fresh, manager));
  }
}
