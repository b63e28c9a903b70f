import { Module } from '@nestjs/common';
import { AgentsModule } from '../agents/agents.module';
import { BusinessHoursModule } from '../business-hours/business-hours.module';
import { ContactsModule } from '../contacts/contacts.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { EscalationsModule } from '../escalations/escalations.module';
import { MessagesModule } from '../messages/messages.module';
import { PresenceModule } from '../presence/presence.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { AgentDeskService } from './agent-desk.service';
import { Assignments } from './assignments';
import { HandoffService } from './handoff.service';
import { QueueDataModule } from './queue-data.module';
import { QueueDispatcher } from './queue-dispatcher';
import { QueueViews } from './queue-views';

/** The human queue shared by every instance: handoff, routing, accepting, transfers, the sweep. */
@Module({
  imports: [
    QueueDataModule,
    ConversationsModule,
    MessagesModule,
    EscalationsModule,
    PresenceModule,
    AgentsModule,
    BusinessHoursModule,
    ContactsModule,
    VisitorsModule,
  ],
  providers: [HandoffService, Assignments, QueueDispatcher, QueueViews, AgentDeskService],
  exports: [HandoffService, AgentDeskService, QueueDispatcher],
})
export class QueueModule {}
