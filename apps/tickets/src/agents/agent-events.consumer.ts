import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityAgentChangedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { FollowAgentChangesUseCase } from './follow-agent-changes.use-case';

@EventConsumer()
export class AgentEventsConsumer {
  constructor(private readonly followAgentChanges: FollowAgentChangesUseCase) {}

  @EventPattern(Topics.IdentityAgentChanged)
  async onAgentChanged(@Payload() event: IdentityAgentChangedV1): Promise<void> {
    await this.followAgentChanges.execute(event);
  }
}
