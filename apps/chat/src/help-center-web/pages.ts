/** The HTML pages chat serves for the help center: the panel's shell and the demo support site. */

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The panel's page, which the loader frames (and a mailed set-password link opens): the bundle's content-hashed script
 * and style, relative to `/help-center/` so the page works under any path chat is published at.
 */
export function panelPage(entry: { script: string; style: string | null }): string {
  return appPage({ title: 'Help center', ...entry });
}

/** A page of one of chat's front-ends: its bundle's script and style (paths as given), and no inline code. */
export function appPage({ title, script, style }: { title: string; script: string; style: string | null }): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    style ? `<link rel="stylesheet" href="${escapeHtml(style)}">` : '',
    `<script src="${escapeHtml(script)}" defer></script>`,
    '</head>',
    '<body><div id="app"></div></body>',
    '</html>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A sample support site of a fictional e-learning product, with the one script tag a host page adds. */
export const demoPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GoLearn support: demo of the Helpgate help center</title>
<style>
  body { margin: 0; font: 16px/1.5 Georgia, serif; color: #222; background: #fafaf7; }
  header { background: #213547; color: #fff; padding: 16px 24px; display: flex; justify-content: space-between; align-items: center; }
  header a { color: #fff; margin-left: 16px; }
  main { max-width: 760px; margin: 0 auto; padding: 24px; }
  .hero { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 24px; }
  .topics { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 16px; margin-top: 24px; padding: 0; list-style: none; }
  .topics li { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 16px; }
  footer { text-align: center; color: #555; padding: 24px; }
</style>
</head>
<body>
<header>
  <strong>GoLearn</strong>
  <nav aria-label="Site"><a href="#courses">Courses</a><a href="#support">Support</a></nav>
</header>
<main>
  <section class="hero" id="support">
    <h1>GoLearn support</h1>
    <p>This page stands for any website: its only tie to Helpgate is one script tag, which adds the help button at the
    bottom right. Open it to search the knowledge base, chat with the team, open a ticket or follow yours.</p>
  </section>
  <ul class="topics" id="courses">
    <li><h2>Courses</h2><p>Upload SCORM packages, build learning plans and enrol learners in bulk.</p></li>
    <li><h2>Single sign-on</h2><p>Connect your identity provider with SAML and keep accounts in sync.</p></li>
    <li><h2>Billing</h2><p>Seats, renewals and invoices for your subscription.</p></li>
  </ul>
</main>
<footer>GoLearn is a fictional product; every address here is under .example.</footer>
<script src="widget.js" async></script>
</body>
</html>
`;
