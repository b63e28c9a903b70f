import { IdentityAgentChangedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { FollowAgentChangesUseCase } from './follow-agent-changes.use-case';

@EventConsumer()
export class AgentEventsConsumer {
  constructor(private readonly followAgentChanges: FollowAgentChangesUseCase) {}

  @ConsumeEvent(Topics.IdentityAgentChanged)
  async onAgentChanged(event: IdentityAgentChangedV1): Promise<void> {
    await this.followAgentChanges.execute(event);
  }
}
