import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { AdminsOnly } from '@helpgate/auth';
import { ApiDescription, PageOf, pageOf, ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import {
  AdminArticleDto,
  adminArticleSchema,
  ArticleListDto,
  articleKeySchema,
  articleListSchema,
  CreateArticleDto,
  createArticleSchema,
  ImportDto,
  importSchema,
  UpdateArticleDto,
  updateArticleSchema,
} from './article.dto';
import { ImportReport, importReportSchema } from './article-import-report';
import { ArticleImportService } from './article-import.service';
import { KnowledgeBaseService } from './knowledge-base.service';

type ArticleKey = { id: string; language: string };

/** Admins manage the knowledge base: articles by id and language, imports of Markdown files, helpful votes. */
@AdminsOnly()
@Controller('knowledge-base')
export class KnowledgeBaseAdminController {
  constructor(
    private readonly knowledgeBase: KnowledgeBaseService,
    private readonly imports: ArticleImportService,
  ) {}

  @Get('articles')
  @ResponseBody(pageOf(adminArticleSchema))
  @ApiDescription('Every translation, published or not, with its helpful / not helpful votes.')
  list(@Query(new ZodValidationPipe(articleListSchema)) query: ArticleListDto): Promise<PageOf<AdminArticleDto>> {
    return this.knowledgeBase.list(query);
  }

  @Post('articles')
  @ResponseBody(adminArticleSchema)
  create(@Body(new ZodValidationPipe(createArticleSchema)) body: CreateArticleDto): Promise<AdminArticleDto> {
    return this.knowledgeBase.create(body);
  }

  @Patch('articles/:id/:language')
  @ResponseBody(adminArticleSchema)
  update(
    @Param(new ZodValidationPipe(articleKeySchema)) { id, language }: ArticleKey,
    @Body(new ZodValidationPipe(updateArticleSchema)) body: UpdateArticleDto,
  ): Promise<AdminArticleDto> {
    return this.knowledgeBase.update(id, language, body);
  }

  @Delete('articles/:id/:language')
  @HttpCode(204)
  delete(@Param(new ZodValidationPipe(articleKeySchema)) { id, language }: ArticleKey): Promise<void> {
    return this.knowledgeBase.delete(id, language);
  }

  @Post('imports')
  @ResponseBody(importReportSchema)
  @HttpCode(200)
  @ApiDescription(
    'Markdown files with front matter (id, title, language, department, feature?, tags?, published?, updated?): new articles are created, changed ones updated, identical ones left untouched; the report has one line per file.',
  )
  import(@Body(new ZodValidationPipe(importSchema)) body: ImportDto): Promise<ImportReport> {
    return this.imports.importUploaded(body);
  }
}
