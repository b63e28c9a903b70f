/**
 * The text a reader is shown of an article outside the article itself (search results, the ticket form's suggestions,
 * the AI agent's quotes): Markdown read as plain words, and a window of it around the words a question matched.
 */

/** Lines that only draw: setext underlines, thematic breaks, a table's alignment row. */
const decorationLine = /^\s*(?:[=-]{2,}|(?:[-*_]\s*){3,}|\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?)\s*$/;
const fenceLine = /^\s*(?:`{3,}|~{3,})/;
const linkDefinitionLine = /^\s{0,3}\[[^\]]+\]:\s*\S+.*$/;
/** `[text](url "title")`, one level of parentheses allowed in the url (Wikipedia-style links have them). */
const inlineLink = /!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g;
const referenceLink = /!?\[([^\]]+)\]\[[^\]]*\]/g;
const autoLink = /<((?:https?:|mailto:)[^>\s]+)>/gi;
const htmlTag = /<\/?[A-Za-z][^<>]*>/g;
/** Emphasis and strike marks where they open or close a run of words; `snake_case` and `2*3` keep theirs. */
const emphasisMarks = /(^|[\s([{"'])(?:\*{1,3}|_{1,3}|~~)(?=\S)|(?<=[^\s\\])(?:\*{1,3}|_{1,3}|~~)(?=$|[\s)\]}.,;:!?"'])/g;

/** Markdown as a reader sees it rendered: words only, one space between them. */
export function plainText(markdown: string): string {
  const lines: string[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (fenceLine.test(line) || decorationLine.test(line) || linkDefinitionLine.test(line)) continue;
    lines.push(
      line
        .replace(/^\s{0,3}#{1,6}(?:\s+|$)/, '')
        .replace(/\s+#+\s*$/, '')
        .replace(/^\s*(?:>\s?)+/, '')
        .replace(/^\s*(?:[-+*]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, ''),
    );
  }
  return lines
    .join('\n')
    .replace(inlineLink, '$1')
    .replace(referenceLink, '$1')
    .replace(autoLink, '$1')
    .replace(htmlTag, ' ')
    .replace(/`+/g, '')
    .replace(emphasisMarks, '$1')
    .replace(/\|/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Text a window may start from without "…": the start of the text or of a sentence. */
const sentenceStart = /(?:^|[.!?:]\s+)(?=\S)/g;

/**
 * Up to `maxLength` characters of plain text around its best match: the window holding the most of the distinct
 * words `matches` accepts (the earliest such window), begun at the start of the sentence it falls in when that start is
 * close enough, else at a word. Cut at words, with "…" on each side where the text goes on. Without a match: the text's
 * beginning.
 */
export function snippetOf(text: string, matches: (word: string) => boolean, maxLength = 220): string {
  if (text.length <= maxLength) return text;
  const words: Word[] = [...text.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
  const matched = words.filter((word) => matches(word.text));
  let start = 0;
  let bestCount = 0;
  for (const first of matched) {
    const distinct = new Set(
      matched.filter((word) => word.start >= first.start && word.end <= first.start + maxLength).map((word) => word.text.toLowerCase()),
    );
    if (distinct.size > bestCount) {
      bestCount = distinct.size;
      start = first.start;
    }
  }
  start = Math.min(start, Math.max(text.length - maxLength, 0));
  // Back to the sentence's beginning when that keeps the window's match inside it, then to a word's.
  const sentenceStarts = [...text.matchAll(sentenceStart)].map((match) => match.index + match[0].length);
  const sentence = sentenceStarts.filter((index) => index <= start).pop() ?? 0;
  if (start - sentence <= maxLength / 3) start = sentence;
  else start = words.find((word) => word.start >= start)?.start ?? start;
  const window = text.slice(start, start + maxLength);
  const end = start + maxLength >= text.length ? window.length : Math.max(window.lastIndexOf(' '), 1);
  return `${start > 0 ? '…' : ''}${window.slice(0, end).trimEnd()}${start + end < text.length ? '…' : ''}`;
}
