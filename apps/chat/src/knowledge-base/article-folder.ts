import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ArticleDraft, ArticleFileError, parseArticleFile } from './article-file';

/** One Markdown file of a folder: its article, or why it is not one. */
export type ArticleFolderFile = { path: string; article: ArticleDraft } | { path: string; error: string };

/**
 * Every `.md` file under `folder` (any depth, `README.md` files left out), parsed, in path order. A file that cannot be
 * read as an article is reported with the reason and does not stop the others.
 */
export function loadArticleFolder(folder: string): ArticleFolderFile[] {
  const paths = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md') && !/(^|[/\\])README\.md$/i.test(path))
    .sort();
  return paths.map((path) => {
    const shownPath = relative(folder, join(folder, path));
    try {
      return { path: shownPath, article: parseArticleFile(readFileSync(join(folder, path), 'utf8')) };
    } catch (error) {
      if (!(error instanceof ArticleFileError)) throw error;
      return { path: shownPath, error: error.message };
    }
  });
}
