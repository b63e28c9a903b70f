import { IdentityContactChangedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { FollowContactChangesUseCase } from './follow-contact-changes.use-case';

@EventConsumer()
export class ContactEventsConsumer {
  constructor(private readonly followContactChanges: FollowContactChangesUseCase) {}

  @ConsumeEvent(Topics.IdentityContactChanged, { batch: true })
  async onContactChanged(events: IdentityContactChangedV1[]): Promise<void> {
    await this.followContactChanges.changed(events);
  }
}
