import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { sanitizeMailHtml } from './mail-html';

describe('sanitizeMailHtml', () => {
  it('keeps formatting', () => {
    const html = [
      '<h2>Title</h2><p>A <b>bold</b>, <strong>strong</strong>, <i>italic</i>, <em>em</em> and <u>underlined</u> text.<br>Next line</p>',
      '<ul><li>one</li></ul><ol start="3"><li>three</li></ol>',
      '<blockquote>quoted</blockquote><pre>code</pre>',
      '<table border="1"><thead><tr><th colspan="2">Head</th></tr></thead><tbody><tr><td rowspan="2" valign="top">cell</td></tr></tbody></table>',
    ].join('');
    expect(sanitizeMailHtml(html)).toBe(html.replace('<br>', '<br />'));
  });

  it('keeps http, https and mailto links, opening them without referrer or access to the page', () => {
    expect(sanitizeMailHtml('<a href="https://acme.test/a" rel="opener" target="_self">a</a><a href="mailto:jane@acme.test">m</a>')).toBe(
      '<a href="https://acme.test/a" rel="noopener noreferrer nofollow" target="_blank">a</a>' +
        '<a href="mailto:jane@acme.test" rel="noopener noreferrer nofollow" target="_blank">m</a>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt&#58;alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '//attacker.test/x',
    'file:///etc/passwd',
  ])('drops the link target %s', (href) => {
    expect(sanitizeMailHtml(`<a href="${href}">x</a>`)).toBe('<a rel="noopener noreferrer nofollow" target="_blank">x</a>');
  });

  it('drops scripts with their code', () => {
    expect(sanitizeMailHtml('<p>a</p><script>alert(1)</script><SCRIPT src="https://attacker.test/x.js"></SCRIPT><p>b</p>')).toBe(
      '<p>a</p><p>b</p>',
    );
  });

  it('drops event handlers', () => {
    expect(sanitizeMailHtml('<p onclick="alert(1)" onmouseover="alert(2)">a</p><body onload="alert(3)">b</body>')).toBe('<p>a</p>b');
  });

  it('drops forms and their controls, keeping what they say', () => {
    expect(
      sanitizeMailHtml('<form action="https://attacker.test"><input name="pw"><textarea>secret</textarea><button>Sign in</button></form>'),
    ).toBe('Sign in');
  });

  it('drops frames, objects and embeds', () => {
    expect(
      sanitizeMailHtml(
        '<iframe src="https://attacker.test"></iframe><object data="x.swf"></object><embed src="x.swf"><frameset><frame src="x">',
      ),
    ).toBe('');
  });

  it('drops style sheets, links, meta and base elements', () => {
    const html =
      '<head><title>T</title><style>p{background:url(https://t.test/x)}</style><link rel="stylesheet" href="https://t.test/a.css">' +
      '<meta http-equiv="refresh" content="0;url=https://attacker.test"><base href="https://attacker.test/"></head><p>body</p>';
    expect(sanitizeMailHtml(html)).toBe('<p>body</p>');
  });

  it('keeps formatting styles but none that load or run anything', () => {
    const html =
      '<p style="color: #c00; background-color: rgb(255, 255, 0); text-align: center; font-weight: bold; ' +
      'background-image: url(https://t.test/x.gif); width: expression(alert(1)); position: fixed; color: red">a</p>';
    expect(sanitizeMailHtml(html)).toBe(
      '<p style="color:#c00;background-color:rgb(255, 255, 0);text-align:center;font-weight:bold;color:red">a</p>',
    );
  });

  it('drops a style whose value would load content', () => {
    expect(sanitizeMailHtml('<span style="color: url(https://t.test/x)">a</span>')).toBe('<span>a</span>');
  });

  it('keeps inline cid: images', () => {
    expect(sanitizeMailHtml('<img src="cid:logo@acme.test" alt="Logo" width="80" onerror="alert(1)">')).toBe(
      '<img src="cid:logo@acme.test" alt="Logo" width="80" />',
    );
  });

  it.each([
    ['a remote image', '<img src="https://tracker.test/open.gif?u=1" alt="ACME logo">'],
    ['a protocol-relative image', '<img src="//tracker.test/open.gif" alt="ACME logo">'],
    ['a data: image', '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="ACME logo">'],
  ])('keeps only the alt text of %s', (_case, html) => {
    expect(sanitizeMailHtml(`<p>${html} and more</p>`)).toBe('<p><span>ACME logo</span> and more</p>');
  });

  it('drops remote image sources given by other attributes', () => {
    expect(
      sanitizeMailHtml('<table background="https://t.test/bg.gif"><tr><td background="https://t.test/c.gif">a</td></tr></table>'),
    ).toBe('<table><tr><td>a</td></tr></table>');
    expect(sanitizeMailHtml('<img src="cid:a" srcset="https://t.test/x.gif 2x">')).toBe('<img src="cid:a" />');
  });

  it('drops SVG and MathML with everything inside', () => {
    expect(sanitizeMailHtml('<svg onload="alert(1)"><script>alert(2)</script><text>t</text></svg><math><mi>x</mi></math>ok')).toBe('ok');
  });

  it('drops ids, classes and names that could clash with the page showing the mail', () => {
    expect(sanitizeMailHtml('<p id="app" class="admin" name="x">a</p>')).toBe('<p>a</p>');
  });

  it('drops comments, including conditional ones', () => {
    expect(sanitizeMailHtml('<!--[if mso]><script>alert(1)</script><![endif]--><p>a</p><!-- hidden -->')).toBe('<p>a</p>');
  });

  it('leaves nothing active in the hostile fixture', async () => {
    const mail = await simpleParser(readFileSync(join(__dirname, '../../test/fixtures/hostile/html-script.eml')));
    const html = sanitizeMailHtml(mail.html || '');
    expect(html).not.toMatch(/<(?:script|iframe|object|embed|form|input|style|link|meta|base|svg)\b/i);
    expect(html).not.toMatch(/\son\w+=|javascript:|vbscript:|data:|url\(|expression\(|https:\/\/tracker/i);
    expect(html).toContain('Dear customer,');
    expect(html).toContain('<a href="https://attacker.example/real" rel="noopener noreferrer nofollow" target="_blank">Accounts</a>');
  });
});
