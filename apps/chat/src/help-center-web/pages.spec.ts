import { demoPage, panelPage } from './pages';

describe('the help center’s pages', () => {
  it('loads the panel’s hashed script and style, relative to the page, and no inline code', () => {
    const html = panelPage({ script: 'assets/panel-4BJK4UF2.js', style: 'assets/panel-UGS66QBG.css' });
    expect(html).toContain('<script src="assets/panel-4BJK4UF2.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="assets/panel-UGS66QBG.css">');
    expect(html).not.toMatch(/<script>|<style>| on\w+=/);
  });

  it('escapes what it puts into attributes', () => {
    expect(panelPage({ script: 'a"><x', style: null })).toContain('src="a&quot;&gt;&lt;x"');
  });

  it('gives the demo site the one script tag a host page adds', () => {
    expect(demoPage.match(/<script[^>]*>/g)).toEqual(['<script src="widget.js" async>']);
  });
});
