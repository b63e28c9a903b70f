import { plainText, snippetOf } from './snippet';

describe('plainText', () => {
  it('drops emphasis, code and quote marks but keeps the words, and snake_case or 2*3 as written', () => {
    expect(plainText('Click **Forgot password?** then *Send* __now__, ~~never~~ `Save`.\n> Quoted')).toBe(
      'Click Forgot password? then Send now, never Save. Quoted',
    );
    expect(plainText('Set user_id to 2*3.')).toBe('Set user_id to 2*3.');
  });

  it('keeps a heading\'s words without its "#" marks, and drops setext underlines and thematic breaks', () => {
    expect(plainText('# Title #\n\nIntro\n\nSetup\n------\n\nStep\n\n***\n\nEnd\n=====')).toBe('Title Intro Setup Step End');
  });

  it('reads a table as its cells, without the alignment row', () => {
    expect(plainText('| Plan | Seats |\n|:-----|-----:|\n| Pro | 50 |')).toBe('Plan Seats Pro 50');
  });

  it('keeps the text of links and images, never their addresses or definitions', () => {
    expect(
      plainText(
        'See [the guide](https://example.test/a_(b) "Guide"), ![a diagram](/d.png), [the FAQ][faq] or <https://status.example.test>.\n\n[faq]: https://example.test/faq',
      ),
    ).toBe('See the guide, a diagram, the FAQ or https://status.example.test.');
  });

  it('drops list markers, task boxes, code fences, HTML tags and backslash escapes', () => {
    expect(plainText('1. First\n- [x] Done\n* Other\n\n```sh\ncurl -X POST\n```\n\nA<br/>B \\*not bold\\*')).toBe(
      'First Done Other curl -X POST A B *not bold*',
    );
  });
});

describe('snippetOf', () => {
  const matching =
    (...terms: string[]) =>
    (word: string) =>
      terms.includes(word.toLowerCase().replace(/[^\p{L}]+/gu, ''));
  const filler = 'Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor. '.repeat(5);

  it('gives a short text whole', () => {
    expect(snippetOf('Short text.', matching('nothing'))).toBe('Short text.');
  });

  it('begins a long text without a match at its beginning, cut at a word', () => {
    const snippet = snippetOf(filler, matching('nothing'), 60);
    expect(snippet).toBe('Lorem ipsum dolor sit amet consectetur adipiscing elit sed…');
  });

  it('shows the window holding the most of the matched words, from its sentence, with "…" where the text goes on', () => {
    const text = `${filler}The account locks once. ${filler}After five failed attempts the account is locked for fifteen minutes. ${filler}`;
    const snippet = snippetOf(text, matching('account', 'locked', 'attempts'), 90);
    expect(snippet).toBe('…After five failed attempts the account is locked for fifteen minutes. Lorem ipsum dolor…');
    expect(snippet.length).toBeLessThanOrEqual(92);
  });

  it('starts at the matched word when its sentence began too long before', () => {
    const text = `${filler}${'word '.repeat(40)}password reset link here and more words to follow after it ${filler}`;
    expect(snippetOf(text, matching('password'), 40)).toBe('…password reset link here and more words…');
  });

  it('ends on the text\'s last words when the match is near its end', () => {
    const text = `${filler}Finally, contact support.`;
    expect(snippetOf(text, matching('support'), 60).endsWith('Finally, contact support.')).toBe(true);
  });
});
