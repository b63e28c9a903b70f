/**
 * The few Markdown constructs the knowledge base's articles and announcements use, read into plain data the panel
 * renders as elements: no HTML string is ever built from an article, so nothing in one can run in the page.
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'emphasis'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: number; content: Inline[] }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'code'; text: string };

const inlinePattern = /\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Only web links and the deployment's own paths: a `javascript:` or `data:` link becomes its text. */
export function safeHref(href: string): string | null {
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  return /^(https?:|mailto:)/i.test(href) ? href : null;
}

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(inlinePattern)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    const [, strong, strongUnderscore, emphasis, emphasisUnderscore, code, linkText, href] = match;
    if (strong ?? strongUnderscore) parts.push({ kind: 'strong', text: (strong ?? strongUnderscore)! });
    else if (emphasis ?? emphasisUnderscore) parts.push({ kind: 'emphasis', text: (emphasis ?? emphasisUnderscore)! });
    else if (code) parts.push({ kind: 'code', text: code });
    else {
      const safe = safeHref(href!);
      parts.push(safe ? { kind: 'link', text: linkText!, href: safe } : { kind: 'text', text: linkText! });
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

const listItem = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.trim().startsWith('```')) {
      endParagraph();
      const code: string[] = [];
      for (index += 1; index < lines.length && !lines[index]!.trim().startsWith('```'); index += 1) code.push(lines[index]!);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = listItem.exec(line);
    if (heading) {
      endParagraph();
      blocks.push({ kind: 'heading', level: heading[1]!.length, content: parseInline(heading[2]!.trim()) });
    } else if (item) {
      endParagraph();
      const ordered = item[2] !== undefined;
      const previous = blocks[blocks.length - 1];
      const content = parseInline(item[3]!);
      if (previous?.kind === 'list' && previous.ordered === ordered) previous.items.push(content);
      else blocks.push({ kind: 'list', ordered, items: [content] });
    } else if (!line.trim()) {
      endParagraph();
    } else {
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  return blocks;
}

/** An article's body without the `# Title` line it usually opens with, since the panel shows the title already. */
export function withoutLeadingTitle(body: string, title: string): string {
  const match = /^\s*#\s+(.*)\n?/.exec(body);
  return match && match[1]!.trim() === title.trim() ? body.slice(match[0].length) : body;
}
