import { Module } from '@nestjs/common';
import { AiAgentModule } from '../ai-agent/ai-agent.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { EscalationsModule } from '../escalations/escalations.module';
import { SocketLimits } from '../gateways/socket-limits';
import { MessagesModule } from '../messages/messages.module';
import { QueueModule } from '../queue/queue.module';
import { VisitorsModule } from '../visitors/visitors.module';
import { VisitorChatService } from './visitor-chat.service';
import { VisitorGateway } from './visitor.gateway';

@Module({
  imports: [AiAgentModule, ConversationsModule, MessagesModule, EscalationsModule, QueueModule, VisitorsModule],
  providers: [VisitorGateway, VisitorChatService, SocketLimits],
})
export class VisitorChatModule {}
