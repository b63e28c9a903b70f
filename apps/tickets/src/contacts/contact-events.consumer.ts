import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityContactAnonymizedV1, IdentityContactChangedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { FollowContactChangesUseCase } from './follow-contact-changes.use-case';

@EventConsumer()
export class ContactEventsConsumer {
  constructor(private readonly followContactChanges: FollowContactChangesUseCase) {}

  @EventPattern(Topics.IdentityContactChanged)
  async onContactChanged(@Payload() event: IdentityContactChangedV1): Promise<void> {
    await this.followContactChanges.changed(event);
  }

  @EventPattern(Topics.IdentityContactAnonymized)
  async onContactAnonymized(@Payload() event: IdentityContactAnonymizedV1): Promise<void> {
    await this.followContactChanges.anonymized(event);
  }
}
