import { articleIdOf, splitLinks } from './text-links';

describe('links in chat messages', () => {
  it('cuts out the AI agent’s source link and knows its article', () => {
    expect(
      splitLinks('Open Settings. Source: Reset a password — http://127.0.0.1:3004/help-center/articles/password-reset?language=en.'),
    ).toEqual([
      { kind: 'text', text: 'Open Settings. Source: Reset a password — ' },
      { kind: 'link', href: 'http://127.0.0.1:3004/help-center/articles/password-reset?language=en', articleId: 'password-reset' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('takes relative help-center paths and other web links', () => {
    expect(splitLinks('see /help-center/articles/scorm-upload?language=fr or https://status.example/x')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', href: '/help-center/articles/scorm-upload?language=fr', articleId: 'scorm-upload' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', href: 'https://status.example/x', articleId: null },
    ]);
  });

  it('leaves text without links whole', () => {
    expect(splitLinks('javascript:alert(1) is text')).toEqual([{ kind: 'text', text: 'javascript:alert(1) is text' }]);
    expect(articleIdOf('https://example.test/docs')).toBeNull();
  });
});
