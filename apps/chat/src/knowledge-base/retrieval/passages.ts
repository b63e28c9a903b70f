/** What retrieval needs of an article: one translation, its text and what it is filed under. */
export interface SearchableArticle {
  id: string;
  language: string;
  title: string;
  /** Markdown. */
  body: string;
  tags: string[];
  department: string;
  feature: string | null;
}

/** A section of an article (the text under one heading), the unit retrieval scores and quotes. */
export interface Passage {
  article: SearchableArticle;
  /** The section's heading; null for the text before the first one. */
  heading: string | null;
  /** Plain text: Markdown marks removed. */
  text: string;
}

const headingLine = /^#{1,6}\s+(.*)$/;

/** An article cut at its headings; the top heading, which repeats the title, starts no passage of its own. */
export function passagesOf(article: SearchableArticle): Passage[] {
  const passages: Passage[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    const text = plainText(lines.join('\n'));
    if (text) passages.push({ article, heading, text });
  };
  for (const line of article.body.split('\n')) {
    const match = headingLine.exec(line.trim());
    if (!match) {
      lines.push(line);
      continue;
    }
    const title = plainText(match[1]!);
    if (passages.length === 0 && lines.every((text) => !text.trim()) && title === article.title) continue;
    flush();
    heading = title;
    lines = [];
  }
  flush();
  return passages.length > 0 ? passages : [{ article, heading: null, text: article.title }];
}

/** Markdown as a reader sees it: no emphasis, code or link marks, one space between words. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>|]+/g, '')
    .replace(/^\s*(?:[-+]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Up to `maxLength` characters of a passage, from the sentence holding the first of `terms` it contains, cut at a word
 * with "…" where the text goes on.
 */
export function snippetOf(text: string, matches: (word: string) => boolean, maxLength = 220): string {
  const sentences = text.split(/(?<=[.!?:])\s+/);
  const first = sentences.findIndex((sentence) => sentence.split(/\s+/).some((word) => matches(word)));
  const from = sentences.slice(Math.max(first, 0)).join(' ');
  if (from.length <= maxLength) return first > 0 ? `…${from}` : from;
  const cut = from.slice(0, maxLength);
  return `${first > 0 ? '…' : ''}${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}
