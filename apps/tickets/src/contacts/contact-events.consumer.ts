import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityContactChangedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { FollowContactChangesUseCase } from './follow-contact-changes.use-case';

@EventConsumer()
export class ContactEventsConsumer {
  constructor(private readonly followContactChanges: FollowContactChangesUseCase) {}

  @EventPattern(Topics.IdentityContactChanged, { batch: true })
  async onContactChanged(@Payload() events: IdentityContactChangedV1[]): Promise<void> {
    await this.followContactChanges.changed(events);
  }
}
