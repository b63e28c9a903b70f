import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { AgentDirectoryService } from './agent-directory.service';
import { AgentEventsConsumer } from './agent-events.consumer';
import { AgentsRepository } from './agents.repository';
import { FollowAgentChangesUseCase } from './follow-agent-changes.use-case';

@Module({
  imports: [OutboxModule],
  controllers: [AgentEventsConsumer],
  providers: [AgentsRepository, AgentDirectoryService, FollowAgentChangesUseCase],
  exports: [AgentDirectoryService],
})
export class AgentsModule {}
