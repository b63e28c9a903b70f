import { Injectable } from '@nestjs/common';
import { IdentityContactChangedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { ContactDirectory } from './contact-directory';

/** Keeps the contact directory as identity describes its contacts. */
@Injectable()
export class FollowContactChangesUseCase {
  constructor(
    private readonly events: TransactionalEvents,
    private readonly directory: ContactDirectory,
  ) {}

  async changed(event: IdentityContactChangedV1): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityContactChanged, (manager) => this.directory.learnContact(event, manager));
  }
}
