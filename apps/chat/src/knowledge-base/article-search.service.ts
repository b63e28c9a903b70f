import { Injectable } from '@nestjs/common';
import { articleLink, SearchDto, SearchResultDto, SuggestionsDto } from './article.dto';
import { KnowledgeBaseRepository } from './knowledge-base.repository';
import { answerThreshold, ArticleHit, Bm25Ranker, SearchQuery } from './retrieval/ranking';

interface BuiltIndex {
  revision: string;
  ranker: Bm25Ranker;
}

/**
 * Search over the published articles with the in-process BM25 ranking. Each instance keeps the index in memory and
 * rebuilds it when the knowledge base's revision (bumped by every write, on any instance) moved.
 */
@Injectable()
export class ArticleSearchService {
  private index: Promise<BuiltIndex> | null = null;

  constructor(private readonly articles: KnowledgeBaseRepository) {}

  async search({ q, language, department, feature, limit }: SearchDto): Promise<SearchResultDto[]> {
    return this.ranked({ text: q, language, department, feature, limit });
  }

  /**
   * Articles for the ticket form: the category's, ranked by the subject typed so far (its articles in the reader's
   * language when the subject is empty), only those that match it above the answer threshold once a subject is typed.
   */
  async suggestions({ department, feature, subject, language, limit }: SuggestionsDto): Promise<SearchResultDto[]> {
    if (!subject) {
      const ranker = await this.ranker();
      return ranker
        .inCategory(department, feature ?? null, language ?? null)
        .slice(0, limit)
        .map(toResult);
    }
    const results = await this.ranked({ text: subject, language, department, feature, limit });
    return results.filter((result) => result.confident);
  }

  private async ranked(query: SearchQuery): Promise<SearchResultDto[]> {
    return (await this.ranker()).search(query).map(toResult);
  }

  private async ranker(): Promise<Bm25Ranker> {
    const revision = await this.articles.revision();
    const current = this.index && (await this.index.catch(() => null));
    if (current?.revision === revision) return current.ranker;
    this.index = this.articles.allPublished().then((articles) => ({ revision, ranker: new Bm25Ranker(articles) }));
    return (await this.index).ranker;
  }
}

function toResult(hit: ArticleHit): SearchResultDto {
  const { article } = hit;
  return {
    id: article.id,
    title: article.title,
    language: article.language,
    link: articleLink(article.id, article.language),
    score: Math.round(hit.confidence * 1000) / 1000,
    confident: hit.confidence >= answerThreshold,
    snippet: hit.snippet,
  };
}
