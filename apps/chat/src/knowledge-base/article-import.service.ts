import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { parseArticleFile, ArticleFileError } from './article-file';
import type { ImportReport } from './article-import-report';
import { ArticleFolderFile, loadArticleFolder } from './article-folder';
import { ImportDto, toArticleRow } from './article.dto';
import { KnowledgeBaseRepository } from './knowledge-base.repository';
import { KNOWLEDGE_BASE_SETTINGS, KnowledgeBaseSettings } from './knowledge-base.settings';

/**
 * Imports Markdown files with front matter, by (id, language): new ones are created, changed ones updated, identical ones
 * left untouched; a file that is not an article, or names an article another file of the import named, is reported and
 * skipped. One transaction, so readers never see half an import; imports on several instances take turns.
 */
@Injectable()
export class ArticleImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ArticleImportService.name);

  constructor(
    private readonly articles: KnowledgeBaseRepository,
    @Inject(KNOWLEDGE_BASE_SETTINGS) private readonly settings: KnowledgeBaseSettings,
  ) {}

  /** The demo articles, when enabled and the knowledge base is empty (a fresh install). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.loadDemo) return;
    const report = await this.importFiles(loadArticleFolder(this.settings.demoFolder), { onlyIntoEmpty: true });
    if (report)
      this.logger.log({ folder: this.settings.demoFolder, created: report.created, invalid: report.invalid }, 'demo knowledge base loaded');
  }

  async importUploaded({ files }: ImportDto): Promise<ImportReport> {
    const parsed = files.map(({ path, content }): ArticleFolderFile => {
      try {
        return { path, article: parseArticleFile(content) };
      } catch (error) {
        if (!(error instanceof ArticleFileError)) throw error;
        return { path, error: error.message };
      }
    });
    const report = (await this.importFiles(parsed, { onlyIntoEmpty: false }))!;
    this.logger.log(
      { created: report.created, updated: report.updated, unchanged: report.unchanged, invalid: report.invalid },
      'articles imported',
    );
    return report;
  }

  /** Null when `onlyIntoEmpty` and the knowledge base has articles. */
  async importFiles(files: ArticleFolderFile[], { onlyIntoEmpty }: { onlyIntoEmpty: boolean }): Promise<ImportReport | null> {
    return this.articles.transaction(async (manager) => {
      await this.articles.lockImports(manager);
      if (onlyIntoEmpty && !(await this.articles.isEmpty(manager))) return null;
      const report: ImportReport = { created: 0, updated: 0, unchanged: 0, invalid: 0, duplicate: 0, files: [] };
      const seen = new Set<string>();
      const now = new Date();
      for (const file of files) {
        if ('error' in file) {
          report.files.push({ path: file.path, outcome: 'invalid', reason: file.error });
          report.invalid++;
          continue;
        }
        const { id, language } = file.article;
        const key = `${id}/${language}`;
        const outcome = seen.has(key) ? 'duplicate' : await this.upsert(toArticleRow(file.article, now), manager);
        seen.add(key);
        report.files.push({
          path: file.path,
          outcome,
          id,
          language,
          ...(outcome === 'duplicate' ? { reason: `another file of this import is ${key}` } : {}),
        });
        report[outcome]++;
      }
      if (report.created + report.updated > 0) await this.articles.bumpRevision(manager);
      return report;
    });
  }

  private async upsert(row: ReturnType<typeof toArticleRow>, manager: EntityManager): Promise<'created' | 'updated' | 'unchanged'> {
    const current = await this.articles.find(row.id, row.language, manager);
    if (!current) {
      await this.articles.insert(row, manager);
      return 'created';
    }
    if (current.contentHash === row.contentHash) return 'unchanged';
    await this.articles.update(row, manager);
    return 'updated';
  }
}
