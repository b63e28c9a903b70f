import { plainText } from './snippet';

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
const setextUnderline = /^(?:=+|-{2,})$/;
const fenceLine = /^(?:`{3,}|~{3,})/;

/** An article cut at its headings; the top heading, which repeats the title, starts no passage of its own. */
export function passagesOf(article: SearchableArticle): Passage[] {
  const passages: Passage[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  const flush = () => {
    const text = plainText(lines.join('\n'));
    if (text) passages.push({ article, heading, text });
  };
  let inCode = false;
  for (const line of article.body.replace(/\r\n?/g, '\n').split('\n')) {
    if (fenceLine.test(line.trim())) inCode = !inCode;
    // A `# comment` in a code block is no heading; "Title" over a "-----" line is one.
    const atx = inCode ? null : headingLine.exec(line.trim())?.[1];
    const setext = !inCode && setextUnderline.test(line.trim()) && lines.length > 0 && lines[lines.length - 1]!.trim() ? lines.pop() : undefined;
    const headingText = atx ?? setext;
    if (headingText === undefined) {
      lines.push(line);
      continue;
    }
    const title = plainText(headingText);
    if (passages.length === 0 && lines.every((text) => !text.trim()) && title === article.title) continue;
    flush();
    heading = title;
    lines = [];
  }
  flush();
  return passages.length > 0 ? passages : [{ article, heading: null, text: article.title }];
}
