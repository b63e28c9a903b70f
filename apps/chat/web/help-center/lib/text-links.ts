/** A chat message's text, cut where it names a link: the AI agent's answers end with their article's link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; href: string; articleId: string | null };

const linkPattern = /(https?:\/\/[^\s<>"]+|\/help-center\/articles\/[^\s<>"]+)/g;
const articlePath = /\/help-center\/articles\/([^/?#\s]+)/;

/** The article id a help-center link names, so the panel opens it inside rather than in a new page. */
export function articleIdOf(href: string): string | null {
  const match = articlePath.exec(href);
  return match ? decodeURIComponent(match[1]!) : null;
}

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    // A sentence's full stop or closing bracket right after a link is not part of it.
    const href = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'link', href, articleId: articleIdOf(href) });
    last = match.index + href.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
