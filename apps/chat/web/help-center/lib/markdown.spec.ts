import { parseInline, parseMarkdown, safeHref, withoutLeadingTitle } from './markdown';

describe('articles’ Markdown as data', () => {
  it('reads headings, paragraphs joined across lines, lists and code', () => {
    const blocks = parseMarkdown(
      '# Reset\n\nOpen the\nsign-in page.\n\n1. Click **Forgot**\n2. Check `spam`\n- one\n- two\n\n```\ncode here\n```',
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, content: [{ kind: 'text', text: 'Reset' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Open the sign-in page.' }] },
      {
        kind: 'list',
        ordered: true,
        items: [
          [
            { kind: 'text', text: 'Click ' },
            { kind: 'strong', text: 'Forgot' },
          ],
          [
            { kind: 'text', text: 'Check ' },
            { kind: 'code', text: 'spam' },
          ],
        ],
      },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'code', text: 'code here' },
    ]);
  });

  it('keeps web links and the deployment’s paths, and turns any other link into its text', () => {
    expect(parseInline('see [the guide](https://docs.example/a) or [this](/help-center/articles/x) [x](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'the guide', href: 'https://docs.example/a' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'this', href: '/help-center/articles/x' },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'x' },
      { kind: 'text', text: ')' },
    ]);
    expect(safeHref('//evil.example/x')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
  });

  it('never makes markup out of text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'paragraph', content: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
  });
});

describe('an article’s body under its title', () => {
  it('drops the heading that repeats the title, and only that', () => {
    expect(withoutLeadingTitle('# Reset\n\nOpen it.', 'Reset')).toBe('\nOpen it.');
    expect(withoutLeadingTitle('# Other\n\nOpen it.', 'Reset')).toBe('# Other\n\nOpen it.');
    expect(withoutLeadingTitle('Open it.\n# Reset', 'Reset')).toBe('Open it.\n# Reset');
  });
});
