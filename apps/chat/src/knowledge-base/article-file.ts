import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** An article's id: `kb-password-reset`; its translations share it. */
export const articleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be lower-case letters, digits and "-" (at most 100)');
/** An ISO 639-1 code (`en`, `fr`, …), lower case. */
export const languageSchema = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code such as "en"');
const label = z.string().trim().min(1).max(200);

export const articleFieldsSchema = z.object({
  title: label,
  department: label,
  feature: label.nullable().default(null),
  // A tag YAML reads as a number (`429`) is kept as its text.
  tags: z
    .array(z.union([z.string(), z.number().transform(String)]).pipe(z.string().trim().min(1).max(100)))
    .max(50)
    .default([]),
  published: z.boolean().default(true),
  body: z.string().trim().min(1).max(200_000),
});

export type ArticleFields = z.output<typeof articleFieldsSchema>;

/** One translation of an article as a file or the API gives it. */
export interface ArticleDraft extends ArticleFields {
  id: string;
  language: string;
  /** When the text last changed (the file's `updated`); null: now. */
  updatedAt: Date | null;
}

const frontMatterSchema = articleFieldsSchema.omit({ body: true }).extend({
  id: articleIdSchema,
  language: languageSchema,
  // YAML 1.2 reads `2026-10-01` as a string; a quoted or full timestamp is accepted too.
  updated: z.union([z.string(), z.date()]).pipe(z.coerce.date()).optional(),
});

const frontMatterBlock = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export class ArticleFileError extends Error {}

/**
 * A Markdown file with YAML front matter between `---` lines: `id`, `title`, `language`, `department`, optional
 * `feature`, `tags`, `published` (default true) and `updated`; the rest is the article's Markdown body.
 */
export function parseArticleFile(text: string): ArticleDraft {
  const block = frontMatterBlock.exec(text);
  if (!block) throw new ArticleFileError('no front matter: the file must start with a "---" line, the fields, and another "---" line');
  let fields: unknown;
  try {
    fields = parseYaml(block[1]!);
  } catch (error) {
    throw new ArticleFileError(`front matter is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
  const parsed = frontMatterSchema.extend({ body: articleFieldsSchema.shape.body }).safeParse({ ...(fields as object), body: block[2] });
  if (!parsed.success) {
    throw new ArticleFileError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`).join('; '),
    );
  }
  const { updated, ...draft } = parsed.data;
  return { ...draft, updatedAt: updated ?? null };
}
