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
import { FilesModule } from './files/files.module';
import { HelpCenterWebModule } from './help-center-web/help-center-web.module';
import { ConsoleWebModule } from './console-web/console-web.module';
import { MessageEntity } from './messages/message.entity';
import { ChatSchema1764000000400 } from './migrations/1764000000400-chat-schema';
import { AiAgent1764000000900 } from './migrations/1764000000900-ai-agent';
import { ErasedContacts1764000001400 } from './migrations/1764000001400-erased-contacts';
import { AgentTakeover1764000001410 } from './migrations/1764000001410-agent-takeover';
import { BusinessHours1764000001420 } from './migrations/1764000001420-business-hours';
import { ProtocolModule } from './protocol/protocol.module';
import { VisitorChatModule } from './visitor-chat/visitor-chat.module';
import { VisitorEntity } from './visitors/visitor.entity';
import { AnnouncementsModule, announcementsSchema } from './announcements/announcements.module';
import { HelpCenterModule, helpCenterSchema } from './help-center/help-center.module';
import { KnowledgeBaseModule, knowledgeBaseSchema } from './knowledge-base/knowledge-base.module';
import { LanguageModule } from './language/language.module';
import { SocketIoAttachments1763900000605 } from './migrations/1763900000605-socket-io-attachments';
import { StatusNoticesModule, statusNoticesSchema } from './status-notices/status-notices.module';

/** Live chat's conversations, queue and presence. */
export const conversationsSchema = {
  entities: [VisitorEntity, ConversationEntity, MessageEntity, ChatFileEntity, AgentEntity],
  migrations: [
    ChatSchema1764000000400,
    AiAgent1764000000900,
    ErasedContacts1764000001400,
    AgentTakeover1764000001410,
    BusinessHours1764000001420,
  ],
};

/** Live chat: visitors and agents on socket.io, the human queue shared by every instance, escalation to tickets; the knowledge base and help center. */
@Module({})
export class ChatModule {
  static forRoot(config: ChatConfig): DynamicModule {
    const helpCenter = HelpCenterModule.forRoot(config.helpCenter);
    return {
      module: ChatModule,
      imports: [
        PlatformModule.forService(config, {
          entities: [
            ...conversationsSchema.entities,
            ...knowledgeBaseSchema.entities,
            ...announcementsSchema.entities,
            ...statusNoticesSchema.entities,
          ],
          migrations: [
            SocketIoAttachments1763900000605,
            ...conversationsSchema.migrations,
            ...knowledgeBaseSchema.migrations,
            ...announcementsSchema.migrations,
            ...statusNoticesSchema.migrations,
            ...helpCenterSchema.migrations,
          ],
        }),
        ChatCoreModule.forRoot(config),
        AgentsModule,
        ContactsModule,
        VisitorChatModule,
        AgentDeskModule,
        FilesModule,
        ProtocolModule,
        KnowledgeBaseModule.forRoot(config.knowledgeBase),
        LanguageModule.forRoot(config.languages),
        AnnouncementsModule,
        StatusNoticesModule.forRoot(config.statusNotices),
        helpCenter,
        HelpCenterWebModule.forRoot(config.helpCenterWeb, helpCenter),
        ConsoleWebModule.forRoot(config.consoleWeb),
      ],
    };
  }
}
