import { IdentityContactMergedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { FollowContactMergeUseCase } from './follow-contact-merge.use-case';

@EventConsumer()
export class ContactMergedConsumer {
  constructor(private readonly followContactMerge: FollowContactMergeUseCase) {}

  @ConsumeEvent(Topics.IdentityContactMerged)
  async onContactMerged(event: IdentityContactMergedV1): Promise<void> {
    await this.followContactMerge.execute(event);
  }
}
