import { Injectable } from '@nestjs/common';
import { IdentityAgentChangedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { AgentDirectoryService } from './agent-directory.service';

/** Keeps the agent directory as identity describes its staff. */
@Injectable()
export class FollowAgentChangesUseCase {
  constructor(
    private readonly events: TransactionalEvents,
    private readonly directory: AgentDirectoryService,
  ) {}

  async execute(event: IdentityAgentChangedV1): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityAgentChanged, (manager) => this.directory.learn(event, manager));
  }
}
