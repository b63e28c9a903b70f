import { Module } from '@nestjs/common';
import { AgentTokens } from '../gateways/agent-token';
import { PresenceModule } from '../presence/presence.module';
import { QueueModule } from '../queue/queue.module';
import { AgentGateway } from './agent.gateway';

@Module({
  imports: [QueueModule, PresenceModule],
  providers: [AgentGateway, AgentTokens],
})
export class AgentDeskModule {}
