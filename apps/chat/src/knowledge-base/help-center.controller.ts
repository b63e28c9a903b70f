import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Public } from '@helpgate/auth';
import { ResponseBody, ZodValidationPipe } from '@helpgate/platform';
import { z } from 'zod';
import {
  PublicArticleDto,
  publicArticleSchema,
  readArticleSchema,
  SearchDto,
  SearchResultDto,
  searchResultSchema,
  searchSchema,
  SuggestionsDto,
  suggestionsSchema,
  VoteDto,
  voteSchema,
} from './article.dto';
import { articleIdSchema } from './article-file';
import { ArticleSearchService } from './article-search.service';
import { KnowledgeBaseService } from './knowledge-base.service';

/** The help center's public, read-only view of the published articles (no token), and readers' helpful votes. */
@Public()
@Controller('help-center')
export class HelpCenterController {
  constructor(
    private readonly knowledgeBase: KnowledgeBaseService,
    private readonly search: ArticleSearchService,
  ) {}

  @Get('search')
  @ResponseBody(z.array(searchResultSchema))
  find(@Query(new ZodValidationPipe(searchSchema)) query: SearchDto): Promise<SearchResultDto[]> {
    return this.search.search(query);
  }

  @Get('suggestions')
  @ResponseBody(z.array(searchResultSchema))
  suggest(@Query(new ZodValidationPipe(suggestionsSchema)) query: SuggestionsDto): Promise<SearchResultDto[]> {
    return this.search.suggestions(query);
  }

  @Get('articles/:id')
  @ResponseBody(publicArticleSchema)
  read(
    @Param('id', new ZodValidationPipe(articleIdSchema)) id: string,
    @Query(new ZodValidationPipe(readArticleSchema)) { language }: z.output<typeof readArticleSchema>,
  ): Promise<PublicArticleDto> {
    return this.knowledgeBase.read(id, language);
  }

  /** Once per visitor and article: a second vote replaces the first (a reader may change their mind). */
  @Post('articles/:id/votes')
  @HttpCode(204)
  vote(
    @Param('id', new ZodValidationPipe(articleIdSchema)) id: string,
    @Body(new ZodValidationPipe(voteSchema)) body: VoteDto,
  ): Promise<void> {
    return this.knowledgeBase.vote(id, body);
  }
}
