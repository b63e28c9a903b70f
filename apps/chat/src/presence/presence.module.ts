import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { PresenceRepository } from './presence.repository';
import { PresenceService } from './presence.service';

@Module({
  imports: [AgentsModule],
  providers: [PresenceRepository, PresenceService],
  exports: [PresenceRepository, PresenceService],
})
export class PresenceModule {}
