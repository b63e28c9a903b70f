import { Injectable, Logger } from '@nestjs/common';
import type { PageOf } from '@helpgate/platform';
import {
  AdminArticleDto,
  ArticleListDto,
  CreateArticleDto,
  PublicArticleDto,
  toAdminArticle,
  toArticleRow,
  toPublicArticle,
  UpdateArticleDto,
  VoteDto,
} from './article.dto';
import { ArticleEntity } from './article.entity';
import { KnowledgeBaseErrorCode, KnowledgeBaseException } from './knowledge-base.exception';
import { KnowledgeBaseRepository, votesOf } from './knowledge-base.repository';
import { fallbackLanguage } from './retrieval/ranking';

/** Articles: admins write them and see their votes; the help center reads the published ones and takes votes. */
@Injectable()
export class KnowledgeBaseService {
  private readonly logger = new Logger(KnowledgeBaseService.name);

  constructor(private readonly articles: KnowledgeBaseRepository) {}

  async list({ limit, offset, ...filter }: ArticleListDto): Promise<PageOf<AdminArticleDto>> {
    const [articles, total] = await this.articles.list(filter, { limit, offset });
    const votes = await this.articles.voteCounts(articles.map((article) => article.id));
    return { items: articles.map((article) => toAdminArticle(article, votesOf(votes, article.id))), total, limit, offset };
  }

  async create(input: CreateArticleDto): Promise<AdminArticleDto> {
    const created = await this.articles.transaction(async (manager) => {
      if (await this.articles.find(input.id, input.language, manager)) {
        throw new KnowledgeBaseException(
          KnowledgeBaseErrorCode.ArticleExists,
          `Article ${input.id} has a ${input.language} translation already`,
        );
      }
      await this.articles.insert(toArticleRow({ ...input, updatedAt: null }, new Date()), manager);
      await this.articles.bumpRevision(manager);
      return (await this.articles.find(input.id, input.language, manager))!;
    });
    this.logger.log({ articleId: input.id, language: input.language }, 'article created');
    return this.withVotes(created);
  }

  async update(id: string, language: string, patch: UpdateArticleDto): Promise<AdminArticleDto> {
    const updated = await this.articles.transaction(async (manager) => {
      const current = await this.articles.find(id, language, manager);
      if (!current) throw notFound(id, language);
      await this.articles.update(toArticleRow({ ...current, ...patch, updatedAt: null }, new Date()), manager);
      await this.articles.bumpRevision(manager);
      return (await this.articles.find(id, language, manager))!;
    });
    this.logger.log({ articleId: id, language, fields: Object.keys(patch) }, 'article changed');
    return this.withVotes(updated);
  }

  async delete(id: string, language: string): Promise<void> {
    await this.articles.transaction(async (manager) => {
      if (!(await this.articles.delete(id, language, manager))) throw notFound(id, language);
      await this.articles.bumpRevision(manager);
    });
    this.logger.log({ articleId: id, language }, 'article deleted');
  }

  /** The published article in `language`, else in English, else in its first language; the answer says which. */
  async read(id: string, language: string): Promise<PublicArticleDto> {
    const translations = await this.articles.publishedTranslations(id);
    const shown =
      translations.find((article) => article.language === language) ??
      translations.find((article) => article.language === fallbackLanguage) ??
      translations.sort((left, right) => left.language.localeCompare(right.language))[0];
    if (!shown) throw notFound(id, language);
    return toPublicArticle(shown, language, translations.map((article) => article.language).sort());
  }

  /** A visitor's vote on a published article; a second vote by the same visitor replaces the first. */
  async vote(id: string, { visitorId, helpful }: VoteDto): Promise<void> {
    if ((await this.articles.publishedTranslations(id)).length === 0) throw notFound(id);
    await this.articles.vote(id, visitorId, helpful);
  }

  private async withVotes(article: ArticleEntity): Promise<AdminArticleDto> {
    return toAdminArticle(article, votesOf(await this.articles.voteCounts([article.id]), article.id));
  }
}

function notFound(id: string, language?: string): KnowledgeBaseException {
  return new KnowledgeBaseException(KnowledgeBaseErrorCode.ArticleNotFound, `No article ${id}${language ? ` in ${language}` : ''}`);
}
