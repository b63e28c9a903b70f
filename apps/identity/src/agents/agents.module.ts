import { Module } from '@nestjs/common';
import { OutboxModule } from '@helpgate/outbox';
import { SessionsModule } from '../sessions/sessions.module';
import { AgentsController } from './agents.controller';
import { AgentsRepository } from './agents.repository';
import { AgentsService } from './agents.service';

/** The staff (their passwords and links come from the global `OneTimeLinksModule`). */
@Module({
  imports: [OutboxModule, SessionsModule],
  controllers: [AgentsController],
  providers: [AgentsRepository, AgentsService],
  exports: [AgentsRepository],
})
export class AgentsModule {}
