import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityAgentChangedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { AgentDirectory } from './agent-directory';

@EventConsumer()
export class AgentEventsConsumer {
  constructor(private readonly directory: AgentDirectory) {}

  @EventPattern(Topics.IdentityAgentChanged)
  async onAgentChanged(@Payload() event: IdentityAgentChangedV1): Promise<void> {
    await this.directory.learn(event);
  }
}
