import { DynamicModule, Module } from '@nestjs/common';
import { ArticleImportService } from './article-import.service';
import { ArticleSearchService } from './article-search.service';
import { ArticleVoteEntity } from './article-vote.entity';
import { ArticleEntity } from './article.entity';
import { HelpCenterController } from './help-center.controller';
import { KnowledgeBaseAdminController } from './knowledge-base-admin.controller';
import { KnowledgeBaseRepository } from './knowledge-base.repository';
import { KnowledgeBaseService } from './knowledge-base.service';
import { KNOWLEDGE_BASE_SETTINGS, KnowledgeBaseSettings } from './knowledge-base.settings';
import { KnowledgeBase1764000000700 } from '../migrations/1764000000700-knowledge-base';

/** What the knowledge base adds to chat's database. */
export const knowledgeBaseSchema = { entities: [ArticleEntity, ArticleVoteEntity], migrations: [KnowledgeBase1764000000700] };

/**
 * The knowledge base: admins' articles and imports, the help center's search, articles, suggestions and votes. Global:
 * the AI agent answers from its search.
 */
@Module({})
export class KnowledgeBaseModule {
  static forRoot(settings: KnowledgeBaseSettings): DynamicModule {
    return {
      module: KnowledgeBaseModule,
      global: true,
      controllers: [KnowledgeBaseAdminController, HelpCenterController],
      providers: [
        { provide: KNOWLEDGE_BASE_SETTINGS, useValue: settings },
        KnowledgeBaseRepository,
        KnowledgeBaseService,
        ArticleSearchService,
        ArticleImportService,
      ],
      exports: [ArticleSearchService],
    };
  }
}
