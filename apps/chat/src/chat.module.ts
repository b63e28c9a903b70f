import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@helpgate/platform';
import { AnnouncementsModule, announcementsSchema } from './announcements/announcements.module';
import { ChatConfig } from './config';
import { KnowledgeBaseModule, knowledgeBaseSchema } from './knowledge-base/knowledge-base.module';
import { LanguageModule } from './language/language.module';
import { SocketIoAttachments1763900000605 } from './migrations/1763900000605-socket-io-attachments';
import { StatusNoticesModule, statusNoticesSchema } from './status-notices/status-notices.module';

/** Live chat: its own database and Kafka wiring, the knowledge base and help center; conversations arrive with the chat issue. */
@Module({})
export class ChatModule {
  static forRoot(config: ChatConfig): DynamicModule {
    return {
      module: ChatModule,
      imports: [
        PlatformModule.forService(config, {
          entities: [...knowledgeBaseSchema.entities, ...announcementsSchema.entities, ...statusNoticesSchema.entities],
          migrations: [
            SocketIoAttachments1763900000605,
            ...knowledgeBaseSchema.migrations,
            ...announcementsSchema.migrations,
            ...statusNoticesSchema.migrations,
          ],
        }),
        KnowledgeBaseModule.forRoot(config.knowledgeBase),
        LanguageModule.forRoot(config.languages),
        AnnouncementsModule,
        StatusNoticesModule.forRoot(config.statusNotices),
      ],
    };
  }
}
