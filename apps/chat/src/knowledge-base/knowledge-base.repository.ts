import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page } from '@helpgate/platform';
import { ArticleEntity } from './article.entity';
import { ArticleVoteEntity } from './article-vote.entity';

export type ArticleRow = Omit<ArticleEntity, 'createdAt'>;

export interface VoteCounts {
  helpful: number;
  notHelpful: number;
}

export interface ArticleFilter {
  language?: string;
  department?: string;
  published?: boolean;
}

const noVotes: VoteCounts = { helpful: 0, notHelpful: 0 };

@Injectable()
export class KnowledgeBaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction; each write through it bumps the revision search indexes watch. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serializes imports across instances (the demo load at start of several instances at once). */
  async lockImports(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('knowledge_base_import'))`);
  }

  async revision(): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT revision::text AS revision FROM knowledge_base_revision')) as { revision: string }[];
    return row!.revision;
  }

  async bumpRevision(manager: EntityManager): Promise<void> {
    await manager.query('UPDATE knowledge_base_revision SET revision = revision + 1');
  }

  async isEmpty(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [row] = (await manager.query('SELECT NOT EXISTS (SELECT 1 FROM knowledge_base_articles) AS empty')) as { empty: boolean }[];
    return row!.empty;
  }

  async find(id: string, language: string, manager: EntityManager = this.dataSource.manager): Promise<ArticleEntity | null> {
    return manager.getRepository(ArticleEntity).findOneBy({ id, language });
  }

  /** The published translations of one article. */
  async publishedTranslations(id: string): Promise<ArticleEntity[]> {
    return this.dataSource.getRepository(ArticleEntity).findBy({ id, published: true });
  }

  async allPublished(): Promise<ArticleEntity[]> {
    return this.dataSource.getRepository(ArticleEntity).find({ where: { published: true }, order: { id: 'ASC', language: 'ASC' } });
  }

  /** By id then language. */
  async list(filter: ArticleFilter, page: Page): Promise<[ArticleEntity[], number]> {
    const query = this.dataSource.getRepository(ArticleEntity).createQueryBuilder('article');
    if (filter.language) query.andWhere('article.language = :language', { language: filter.language });
    if (filter.department) query.andWhere('article.department = :department', { department: filter.department });
    if (filter.published !== undefined) query.andWhere('article.published = :published', { published: filter.published });
    return query.orderBy('article.id').addOrderBy('article.language').limit(page.limit).offset(page.offset).getManyAndCount();
  }

  async insert(article: ArticleRow, manager: EntityManager): Promise<void> {
    await manager.getRepository(ArticleEntity).insert(article);
  }

  async update(article: ArticleRow, manager: EntityManager): Promise<void> {
    const { id, language, ...fields } = article;
    await manager.getRepository(ArticleEntity).update({ id, language }, fields);
  }

  /** Deletes one translation, and the article's votes with its last one. Whether it existed. */
  async delete(id: string, language: string, manager: EntityManager): Promise<boolean> {
    const { affected } = await manager.getRepository(ArticleEntity).delete({ id, language });
    if (!affected) return false;
    await manager.query(
      'DELETE FROM knowledge_base_votes WHERE article_id = $1 AND NOT EXISTS (SELECT 1 FROM knowledge_base_articles WHERE id = $1)',
      [id],
    );
    return true;
  }

  /** Records a visitor's vote, replacing the one they gave before. */
  async vote(articleId: string, visitorId: string, helpful: boolean): Promise<void> {
    await this.dataSource
      .getRepository(ArticleVoteEntity)
      .upsert({ articleId, visitorId, helpful, votedAt: new Date() }, { conflictPaths: ['articleId', 'visitorId'] });
  }

  /**
   * Postgres full-text search, each article under its language's configuration, any of the question's words matching
   * (`|`), ranked by `ts_rank_cd` scaled to 0–1. Not what the help center uses: the ranking the in-process BM25 was
   * measured against (BENCHMARKS.md, "Knowledge-base retrieval"), kept so the comparison can be run again.
   */
  async fullTextSearch(question: string, limit: number): Promise<{ id: string; language: string; rank: number }[]> {
    return (
      (await this.dataSource.query(
        `WITH configured AS (
         SELECT id, language, title, body, tags,
                COALESCE(($2::jsonb ->> language), 'simple')::regconfig AS config
           FROM knowledge_base_articles WHERE published
       ), scored AS (
         SELECT id, language,
                ts_rank_cd(to_tsvector(config, title || ' ' || array_to_string(tags, ' ') || ' ' || body),
                           NULLIF(replace(plainto_tsquery(config, $1)::text, '&', '|'), '')::tsquery, 32) AS rank
           FROM configured
       )
       SELECT DISTINCT ON (id) id, language, rank FROM scored WHERE rank > 0 ORDER BY id, rank DESC`,
        [question, JSON.stringify(textSearchConfigurations)],
      )) as { id: string; language: string; rank: number }[]
    )
      .sort((left, right) => right.rank - left.rank)
      .slice(0, limit);
  }

  async voteCounts(articleIds: string[]): Promise<Map<string, VoteCounts>> {
    if (articleIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT article_id, count(*) FILTER (WHERE helpful)::int AS helpful, count(*) FILTER (WHERE NOT helpful)::int AS not_helpful
         FROM knowledge_base_votes WHERE article_id = ANY($1::text[]) GROUP BY article_id`,
      [articleIds],
    )) as { article_id: string; helpful: number; not_helpful: number }[];
    return new Map(rows.map((row) => [row.article_id, { helpful: row.helpful, notHelpful: row.not_helpful }]));
  }
}

/** Postgres text-search configurations for the languages it ships one for; others are matched as `simple` words. */
const textSearchConfigurations: Record<string, string> = {
  ar: 'arabic',
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  fi: 'finnish',
  fr: 'french',
  hu: 'hungarian',
  it: 'italian',
  nl: 'dutch',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  tr: 'turkish',
};

export function votesOf(counts: Map<string, VoteCounts>, articleId: string): VoteCounts {
  return counts.get(articleId) ?? noVotes;
}
