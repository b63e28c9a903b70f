import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@helpgate/platform';
import { AgentDeskModule } from './agent-desk/agent-desk.module';
import { AgentEntity } from './agents/agent.entity';
import { AgentsModule } from './agents/agents.module';
import { ChatCoreModule } from './chat-core.module';
import { ChatConfig } from './config';
import { ContactsModule } from './contacts/contacts.module';
import { ConversationEntity } from './conversations/conversation.entity';
import { ChatFileEntity } from './files/chat-file.entity';
import { MessageEntity } from './messages/message.entity';
import { ChatSchema1764000000400 } from './migrations/1764000000400-chat-schema';
import { ProtocolModule } from './protocol/protocol.module';
import { VisitorChatModule } from './visitor-chat/visitor-chat.module';
import { VisitorEntity } from './visitors/visitor.entity';
import { SocketIoAttachments1763900000605 } from './migrations/1763900000605-socket-io-attachments';

export const chatSchema = {
  entities: [VisitorEntity, ConversationEntity, MessageEntity, ChatFileEntity, AgentEntity],
  migrations: [SocketIoAttachments1763900000605, ChatSchema1764000000400],
};

/** Live chat: visitors and agents on socket.io, the human queue shared by every instance, escalation to tickets. */
@Module({})
export class ChatModule {
  static forRoot(config: ChatConfig): DynamicModule {
    return {
      module: ChatModule,
      imports: [
        PlatformModule.forService(config, chatSchema),
        ChatCoreModule.forRoot(config),
        AgentsModule,
        ContactsModule,
        VisitorChatModule,
        AgentDeskModule,
        ProtocolModule,
      ],
    };
  }
}
