import { IdentityAgentChangedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { AgentDirectory } from './agent-directory';

@EventConsumer()
export class AgentEventsConsumer {
  constructor(private readonly directory: AgentDirectory) {}

  @ConsumeEvent(Topics.IdentityAgentChanged)
  async onAgentChanged(event: IdentityAgentChangedV1): Promise<void> {
    await this.directory.learn(event);
  }
}
