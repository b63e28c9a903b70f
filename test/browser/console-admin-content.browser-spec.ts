import { Page } from 'playwright-core';
import { uniqueName } from '../support/infra';
import { Stack } from '../support/stack';
import { invitedAgent } from './support/agent';
import { BrowserRun, startBrowserRun } from './support/browser-run';
import { screenshot, seriousAccessibilityViolations } from './support/chromium';
import { Console } from './support/console';

/**
 * The console's Administration section in Debian's Chromium against the four services as processes (`npm run build`
 * first), as issue 17 has it: an admin writes a reply template and previews it, adds an automation rule and moves it
 * first, publishes a knowledge-base article the help center's search then finds, posts an announcement, and imports
 * contacts from a CSV file, reading the report. The tests run in order, as one admin's session on one stack.
 */
describe('the agent console in a real browser: the admin content pages', () => {
  let run: BrowserRun;
  let stack: Stack;
  let page: Page;

  const laptopWidth = 1024;
  /** No serious axe-core violation, and nothing wider than a laptop's window (the page never scrolls sideways). */
  const expectUsable = async () => {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(laptopWidth);
  };
  const openAdminPage = async (name: string) => {
    await page.getByRole('navigation', { name: 'Administration pages' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 2 }).waitFor();
  };

  beforeAll(async () => {
    run = await startBrowserRun();
    stack = run.stack;
    const { email, password } = await invitedAgent(stack, run.relay, 'Ada Admin', 'admin');
    page = await run.browser.newPage({ width: laptopWidth, height: 768 });
    await page.goto(`${stack.url.chat}/console`);
    await new Console(page).signIn(email, password);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('navigation', { name: 'Administration pages' }).waitFor();
  });

  afterAll(async () => {
    await run?.close();
  });

  it('adds a reply template after previewing it for the sample ticket, and deactivates it', async () => {
    await openAdminPage('Reply templates');
    await page.getByRole('button', { name: 'Add a reply template' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Password reset steps');
    await page.getByLabel('Text').fill('Hello {{requester.name}},\nticket {{ticket.number}} is {{ticket.status}}.');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('figure', { name: 'Preview for a sample ticket' });
    await preview.getByText('Hello Alex Sample,').waitFor();
    await expect(preview.textContent()).resolves.toContain('[#1042] Re: Cannot sign in since this morning');
    await expect(preview.textContent()).resolves.toContain('ticket 1042 is open.');
    await expectUsable();
    await screenshot(page, 'console-admin-01-template-preview');

    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Password reset steps' });
    await row.getByText('active', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Deactivate Password reset steps' }).click();
    await row.getByText('deactivated', { exact: true }).waitFor();
    await expectUsable();
  });

  it('adds an automation rule with a condition and two actions, moves it first and switches it off', async () => {
    const existing = await stack.fetch('tickets', '/automation-rules', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Urgent for VIPs', trigger: 'ticket_created', actions: [{ type: 'set_priority', priority: 'urgent' }] }),
    });
    expect(existing.status).toBe(201);
    await openAdminPage('Automation rules');
    await page.getByRole('button', { name: 'Add an automation rule' }).click();
    await page.getByLabel('Rule name').fill('Refunds to billing');
    await page.getByRole('button', { name: 'Add a condition' }).click();
    const condition = page.getByRole('group', { name: 'Condition 1' });
    await condition.getByLabel(/^Field/).selectOption({ label: 'Subject' });
    await condition.getByLabel(/^Operator/).selectOption({ label: 'contains' });
    await condition.getByLabel('Value').fill('refund');
    await page.getByRole('group', { name: 'Action 1' }).getByLabel(/^To/).selectOption('high');
    await page.getByRole('button', { name: 'Add an action' }).click();
    const tagging = page.getByRole('group', { name: 'Action 2' });
    await tagging.getByLabel(/^Action/).selectOption({ label: 'Add tags' });
    await tagging.getByLabel('Tags (comma-separated)').fill('refund, billing');
    await expectUsable();
    await page.getByRole('button', { name: 'Save' }).click();

    const rules = page.getByRole('list', { name: 'Rules, in the order they run' });
    await rules.getByRole('heading', { name: '2. Refunds to billing' }).waitFor();
    await page.getByRole('button', { name: 'Move up: Refunds to billing' }).click();
    await rules.getByRole('heading', { name: '1. Refunds to billing' }).waitFor();
    await rules.getByRole('heading', { name: '2. Urgent for VIPs' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate Refunds to billing' }).click();
    await page.getByRole('button', { name: 'Reactivate Refunds to billing' }).waitFor();
    await expectUsable();
    await screenshot(page, 'console-admin-02-rules');

    const { items } = await stack.getJson<{ items: { name: string; active: boolean; conditions: unknown[]; actions: unknown[] }[] }>(
      'tickets',
      '/automation-rules',
    );
    expect(items.map((rule) => rule.name)).toEqual(['Refunds to billing', 'Urgent for VIPs']);
    expect(items[0]).toMatchObject({
      active: false,
      conditions: [{ field: 'subject', operator: 'contains', value: 'refund' }],
      actions: [
        { type: 'set_priority', priority: 'high' },
        { type: 'add_tags', tags: ['refund', 'billing'] },
      ],
    });
  });

  it('writes a knowledge-base article in Markdown, publishes it, and the help center search finds it', async () => {
    const search = () =>
      stack.getJson<{ id: string; title: string }[]>(
        'chat',
        `/help-center/search?q=${encodeURIComponent('rotate the webhook signing secret')}`,
      );
    await openAdminPage('Knowledge base');
    await page.getByRole('button', { name: 'Add an article' }).click();
    await page.getByLabel('Article id').fill('rotate-webhook-secret');
    await page.getByLabel('Title').fill('Rotate the webhook signing secret');
    await page.getByLabel('Department').fill('Integrations');
    await page.getByLabel('Text (Markdown)').fill('## Steps\n\n1. Open **Settings → Webhooks**.\n2. Choose *Rotate signing secret*.');
    await page.getByRole('button', { name: 'Save' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Rotate the webhook signing secret' });
    await row.getByText('not published').waitFor();
    expect((await search()).map((result) => result.id)).not.toContain('rotate-webhook-secret');

    await page.getByLabel('Language (empty: all)').fill('en');
    await page.getByRole('button', { name: 'Show' }).click();
    await row.getByRole('button', { name: 'Publish Rotate the webhook signing secret (en)' }).click();
    await row.getByText('published', { exact: true }).waitFor();
    await expectUsable();
    await screenshot(page, 'console-admin-03-articles');
    expect((await search())[0]).toMatchObject({ id: 'rotate-webhook-secret', title: 'Rotate the webhook signing secret' });
  });

  it('posts an announcement the help center shows, and opens then resolves a status incident', async () => {
    await openAdminPage('Announcements and status');
    await page.getByRole('button', { name: 'Post an announcement' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Webhooks now retry for a day');
    await page.getByLabel('Text (Markdown)').fill('Failed deliveries are retried with backoff for **24 hours**.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('row').filter({ hasText: 'Webhooks now retry for a day' }).getByText('shown', { exact: true }).waitFor();
    const { items } = await stack.getJson<{ items: { title: string }[] }>('chat', '/help-center/announcements?language=en');
    expect(items.map((announcement) => announcement.title)).toContain('Webhooks now retry for a day');

    await page.getByLabel('Incident title').fill('Slow ticket search');
    await page.getByLabel('Affected feature').fill('Ticket search');
    await page.getByLabel('First update').fill('We are looking into slow searches.');
    await page.getByRole('button', { name: 'Open the incident' }).click();
    const update = page.getByRole('form', { name: 'Post an update on Slow ticket search' });
    await update.getByLabel(/^Status/).selectOption('resolved');
    await update.getByLabel('Update').fill('Search is fast again.');
    await expectUsable();
    await update.getByRole('button', { name: 'Post the update' }).click();
    await page.getByText('resolved: Search is fast again.').waitFor();
    await expect(update.count()).resolves.toBe(0);
    await expectUsable();
    await screenshot(page, 'console-admin-04-announcements');
  });

  it('imports contacts from a CSV file and shows the report, refusals with their reason', async () => {
    // A host name has no underscores, which uniqueName uses.
    const domain = `${uniqueName('import').replaceAll('_', '-')}.test`;
    const csv = ['Email,First Name,Last Name', `lin@${domain},Lin,Import`, `sam@${domain},Sam,Import`, 'not-an-address,No,Body'].join(
      '\r\n',
    );
    await openAdminPage('Import contacts');
    await page.getByLabel('CSV file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import' }).click();
    const report = page.getByRole('region', { name: 'Import report' });
    await report.or(page.getByRole('alert')).waitFor();
    // The whole report on failure: the rows say why each was refused.
    await expect(report.textContent()).resolves.toContain('2 created, 0 updated, 0 unchanged, 1 refused.');
    const refused = page.getByRole('row').filter({ hasText: 'not-an-address' });
    await expect(refused.textContent()).resolves.toContain('email: is not an email address');
    await expectUsable();
    await screenshot(page, 'console-admin-05-import');
    await page.getByRole('link', { name: `lin@${domain}` }).click();
    await page.getByRole('heading', { name: 'Lin Import' }).waitFor();
  });
});
