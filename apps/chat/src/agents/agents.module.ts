import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { AgentDirectory } from './agent-directory';
import { AgentEventsConsumer } from './agent-events.consumer';
import { AgentsRepository } from './agents.repository';

@Module({
  imports: [OutboxModule],
  controllers: [AgentEventsConsumer],
  providers: [AgentsRepository, AgentDirectory],
  exports: [AgentsRepository],
})
export class AgentsModule {}
