import { Block, Inline, parseMarkdown } from '../lib/markdown';
import { articleIdOf } from '../lib/text-links';
import { usePanel } from './context';

function InlineView({ part }: { part: Inline }) {
  const { openArticle } = usePanel();
  switch (part.kind) {
    case 'strong':
      return <strong>{part.text}</strong>;
    case 'emphasis':
      return <em>{part.text}</em>;
    case 'code':
      return <code>{part.text}</code>;
    case 'link': {
      const articleId = articleIdOf(part.href);
      return articleId ? (
        <a
          href={part.href}
          onClick={(event) => {
            event.preventDefault();
            openArticle(articleId);
          }}
        >
          {part.text}
        </a>
      ) : (
        <a href={part.href} target="_blank" rel="noopener noreferrer">
          {part.text}
        </a>
      );
    }
    default:
      return <>{part.text}</>;
  }
}

const inlines = (content: Inline[]) => content.map((part, index) => <InlineView key={index} part={part} />);

function BlockView({ block, headingOffset }: { block: Block; headingOffset: number }) {
  switch (block.kind) {
    case 'heading': {
      // Articles start at `#`; inside the panel their headings sit below the panel's own.
      const Tag = `h${Math.min(6, block.level + headingOffset)}` as 'h3';
      return <Tag>{inlines(block.content)}</Tag>;
    }
    case 'list': {
      const Tag = block.ordered ? 'ol' : 'ul';
      return (
        <Tag>
          {block.items.map((item, index) => (
            <li key={index}>{inlines(item)}</li>
          ))}
        </Tag>
      );
    }
    case 'code':
      return (
        <pre>
          <code>{block.text}</code>
        </pre>
      );
    default:
      return <p>{inlines(block.content)}</p>;
  }
}

/** Markdown rendered as elements, never as HTML: whatever an article contains stays text. */
export function MarkdownView({ text, headingOffset = 2 }: { text: string; headingOffset?: number }) {
  return (
    <div class="markdown">
      {parseMarkdown(text).map((block, index) => (
        <BlockView key={index} block={block} headingOffset={headingOffset} />
      ))}
    </div>
  );
}
