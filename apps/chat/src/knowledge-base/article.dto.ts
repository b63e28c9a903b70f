import { createHash } from 'node:crypto';
import { z } from 'zod';
import { pageQuerySchema } from '@helpgate/platform';
import { ArticleDraft, articleFieldsSchema, articleIdSchema, languageSchema } from './article-file';
import type { ArticleEntity } from './article.entity';
import type { ArticleRow, VoteCounts } from './knowledge-base.repository';

export const createArticleSchema = articleFieldsSchema.extend({ id: articleIdSchema, language: languageSchema }).strict();
export type CreateArticleDto = z.output<typeof createArticleSchema>;

export const updateArticleSchema = articleFieldsSchema
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');
export type UpdateArticleDto = z.output<typeof updateArticleSchema>;

export const articleKeySchema = z.object({ id: articleIdSchema, language: languageSchema });

const optionalLabel = z.string().trim().min(1).max(200).optional();

export const articleListSchema = pageQuerySchema.extend({
  language: languageSchema.optional(),
  department: optionalLabel,
  published: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ArticleListDto = z.output<typeof articleListSchema>;

export const importSchema = z.strictObject({
  /** The folder's Markdown files with front matter, each with its path (for the report). */
  files: z
    .array(z.strictObject({ path: z.string().min(1).max(500), content: z.string().max(500_000) }))
    .min(1)
    .max(2000),
});
export type ImportDto = z.output<typeof importSchema>;

export const searchSchema = z.object({
  q: z.string().trim().min(1).max(500),
  language: languageSchema.optional(),
  department: optionalLabel,
  feature: optionalLabel,
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchDto = z.output<typeof searchSchema>;

export const suggestionsSchema = z.object({
  department: z.string().trim().min(1).max(200),
  feature: optionalLabel,
  /** The subject typed so far; empty: the category's articles. */
  subject: z.string().trim().max(500).default(''),
  language: languageSchema.optional(),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});
export type SuggestionsDto = z.output<typeof suggestionsSchema>;

export const readArticleSchema = z.object({ language: languageSchema.default('en') });

export const voteSchema = z.strictObject({
  /** The help center's id for the reader (kept in the browser); one vote per visitor and article. */
  visitorId: z.string().trim().min(8).max(100),
  helpful: z.boolean(),
});
export type VoteDto = z.output<typeof voteSchema>;

/** What admins and readers both see of an article. */
const articleContentSchema = z.object({
  id: z.string(),
  language: z.string(),
  title: z.string(),
  body: z.string().describe('Markdown.'),
  department: z.string(),
  feature: z.string().nullable(),
  tags: z.array(z.string()),
  updatedAt: z.iso.datetime(),
});

type ArticleContentDto = z.infer<typeof articleContentSchema>;

/** An article as admins see it, with its votes. */
export const adminArticleSchema = articleContentSchema
  .extend({
    published: z.boolean(),
    votes: z.object({ helpful: z.number().int(), notHelpful: z.number().int() }) satisfies z.ZodType<VoteCounts>,
  })
  .meta({ id: 'AdminArticle' });

export type AdminArticleDto = z.infer<typeof adminArticleSchema>;

/** An article as the help center shows it. */
export const publicArticleSchema = articleContentSchema
  .extend({
    link: z.string(),
    requestedLanguage: z.string().describe('The language asked for; differs from `language` when the article has no translation in it.'),
    fallback: z.boolean().describe('True when this is another language’s text because the requested one does not exist.'),
    availableLanguages: z.array(z.string()),
  })
  .meta({ id: 'PublicArticle' });

export type PublicArticleDto = z.infer<typeof publicArticleSchema>;

export const searchResultSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    language: z.string(),
    link: z.string(),
    score: z.number().describe('Confidence 0–1: the share of the question the article’s best passage matches.'),
    confident: z.boolean().describe('Whether the score reaches the threshold from which the article counts as an answer.'),
    snippet: z.string(),
  })
  .meta({ id: 'ArticleSearchResult' });

export type SearchResultDto = z.infer<typeof searchResultSchema>;

export function articleLink(id: string, language: string): string {
  return `/help-center/articles/${encodeURIComponent(id)}?language=${language}`;
}

function toArticleContent(article: ArticleEntity): ArticleContentDto {
  const { id, language, title, body, department, feature, tags } = article;
  return { id, language, title, body, department, feature, tags, updatedAt: article.updatedAt.toISOString() };
}

export function toAdminArticle(article: ArticleEntity, votes: VoteCounts): AdminArticleDto {
  return { ...toArticleContent(article), published: article.published, votes };
}

export function toPublicArticle(article: ArticleEntity, requestedLanguage: string, availableLanguages: string[]): PublicArticleDto {
  return {
    ...toArticleContent(article),
    link: articleLink(article.id, article.language),
    requestedLanguage,
    fallback: article.language !== requestedLanguage,
    availableLanguages,
  };
}

/** The row an article draft becomes; its hash covers what a reader sees, so an import can tell an unchanged file. */
export function toArticleRow(draft: ArticleDraft, now: Date): ArticleRow {
  const { id, language, title, body, department, feature, tags, published } = draft;
  const contentHash = createHash('sha256')
    .update(JSON.stringify([title, body, department, feature, tags, published]))
    .digest('hex');
  return { id, language, title, body, department, feature, tags, published, contentHash, updatedAt: draft.updatedAt ?? now };
}
