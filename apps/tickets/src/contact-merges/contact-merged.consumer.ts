import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityContactMergedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { FollowContactMergeUseCase } from './follow-contact-merge.use-case';

@EventConsumer()
export class ContactMergedConsumer {
  constructor(private readonly followContactMerge: FollowContactMergeUseCase) {}

  @EventPattern(Topics.IdentityContactMerged)
  async onContactMerged(@Payload() event: IdentityContactMergedV1): Promise<void> {
    await this.followContactMerge.execute(event);
  }
}
