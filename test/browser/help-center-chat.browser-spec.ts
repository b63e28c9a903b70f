import { randomUUID } from 'node:crypto';
import { Page } from 'playwright-core';
import { ChatClient } from '../../apps/chat/test/chat-under-test';
import { agentToken } from '../support/auth';
import { Stack } from '../support/stack';
import { TestRelay } from '../support/test-relay';
import { availableAgent } from './support/agent';
import { BrowserRun, startBrowserRun } from './support/browser-run';
import { Browser, screenshot, seriousAccessibilityViolations } from './support/chromium';
import { HelpCenter } from './support/help-center';
import { portalCustomer } from './support/portal-customer';

/** A 1×1 transparent PNG, as a visitor's screenshot. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

interface AgentTicket {
  id: string;
  number: number;
  channel: string;
  priority: string;
  messages: { attachments: { filename: string }[] }[];
}

interface AdminArticle {
  id: string;
  votes: { helpful: number; notHelpful: number };
}

/**
 * The help center as a visitor uses it, in Debian's Chromium, on the demo site chat serves, against the four services
 * as processes (`npm run build` first): the knowledge base through the AI agent, a person, and the conversation kept
 * across a reload and a second tab.
 */
describe('the help center in a real browser: knowledge base and chat', () => {
  let relay: TestRelay;
  let stack: Stack;
  let browser: Browser;
  let agent: ChatClient & { id: string };

  const openDemo = async (page: Page): Promise<HelpCenter> => {
    await page.goto(`${stack.url.chat}/help-center/demo`);
    const helpCenter = new HelpCenter(page);
    await helpCenter.open();
    return helpCenter;
  };

  const expectAccessible = async (helpCenter: HelpCenter) => {
    expect(await seriousAccessibilityViolations(await helpCenter.frame())).toEqual([]);
  };

  let run: BrowserRun;

  beforeAll(async () => {
    run = await startBrowserRun({ CHAT_AI_AGENT: 'builtin' });
    ({ relay, stack, browser } = run);
  });

  afterAll(async () => {
    agent?.close();
    await run?.close();
  });

  it('(1) answers from the knowledge base, opens the article, hands over to a person, survives a reload and a second tab, and takes a rating', async () => {
    agent = await availableAgent(stack, 'Grace Hopper');
    const adminPost = async (path: string, body: unknown) => {
      const response = await stack.fetch('chat', path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
    };
    await adminPost('/announcements', {
      title: 'Offline mode for Go.Learn',
      text: 'Courses can now be **downloaded** for offline use.',
      publishedFrom: new Date(Date.now() - 60_000).toISOString(),
    });
    await adminPost('/status-notices/incidents', {
      title: 'Slow SCORM uploads',
      feature: 'Courses',
      text: 'Uploads take several minutes; we are on it.',
    });

    const page = await browser.newPage();
    await page.goto(`${stack.url.chat}/help-center/demo`);
    const helpCenter = new HelpCenter(page);
    await helpCenter.badge.filter({ hasText: '1' }).waitFor();
    await page.getByRole('button', { name: 'Help (Support) 1 unread announcements', exact: true }).waitFor();
    await screenshot(page, '01-demo-site');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await helpCenter.open();
    await helpCenter.panel.getByText('Hi! How can we help?').waitFor();
    await helpCenter.panel.getByRole('status').filter({ hasText: 'Slow SCORM uploads' }).getByText('we are on it').waitFor();
    await helpCenter.panel.getByRole('heading', { name: 'Offline mode for Go.Learn' }).waitFor();
    await helpCenter.badge.waitFor({ state: 'hidden' }); // shown, so read
    await expectAccessible(helpCenter);
    await screenshot(page, '02-panel-open');

    await helpCenter.tab('Chat');
    await helpCenter.send('How do I reset my forgotten password?');
    const answer = helpCenter.panel.locator('li.from-ai').filter({ hasText: 'Source: Resetting a forgotten password' });
    await answer.waitFor({ timeout: 30_000 });
    await expectAccessible(helpCenter);
    await screenshot(page, '03-ai-answer');

    await answer.getByRole('link').click();
    await helpCenter.panel.getByRole('heading', { name: 'Resetting a forgotten password' }).waitFor();
    await helpCenter.panel.getByRole('button', { name: 'Yes' }).click();
    await helpCenter.panel.getByText('Thanks for your feedback!').waitFor();
    await expectAccessible(helpCenter);
    await screenshot(page, '04-article');
    const articles = await stack.getJson<{ items: AdminArticle[] }>('chat', '/knowledge-base/articles?language=en&limit=200');
    expect(articles.items.find((article) => article.id === 'kb-password-reset')?.votes.helpful).toBe(1);

    await helpCenter.tab('Chat');
    await helpCenter.panel.getByRole('button', { name: 'Talk to a person' }).click();
    const { id: conversationId } = await agent.next<{ id: string }>('conversation.assigned');
    await helpCenter.panel.getByText('Grace Hopper joined the conversation.').waitFor();

    await agent.request('message.send', { conversationId, clientId: randomUUID(), text: 'Hi, Grace here. Did the reset mail arrive?' });
    await helpCenter.panel.getByText('Did the reset mail arrive?').waitFor();
    agent.socket.emit('typing', { conversationId, typing: true });
    await helpCenter.panel.getByText('Grace Hopper is typing…').waitFor();
    await helpCenter.send('No, nothing in my inbox or spam.');
    const fromVisitor = await agent.next<{ sequence: number; text: string }>(
      'message',
      (message) => message.text === 'No, nothing in my inbox or spam.',
    );
    await agent.request('read', { conversationId, sequence: fromVisitor.sequence });
    await helpCenter.panel.locator('li.from-visitor').last().getByText('Read').waitFor();
    await helpCenter.panel.locator('input[type="file"]').setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: png });
    await helpCenter.send('Here is what I see.');
    const withFile = await agent.next<{ text: string; files: { id: string; filename: string; contentType: string }[] }>(
      'message',
      (message) => message.text === 'Here is what I see.',
    );
    expect(withFile.files).toMatchObject([{ filename: 'screenshot.png', contentType: 'image/png' }]);
    const download = await fetch(`${stack.url.chat}/files/${withFile.files[0]!.id}`, {
      headers: { authorization: `Bearer ${agentToken('agent', agent.id)}` },
    });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
    await helpCenter.panel.getByRole('button', { name: 'Download screenshot.png' }).waitFor();
    await expectAccessible(helpCenter);
    await screenshot(page, '05-chat-with-agent');
    const texts = await helpCenter.messages.locator('.text').allInnerTexts();

    await page.reload();
    const reloaded = new HelpCenter(page);
    await reloaded.open();
    await reloaded.tab('Chat');
    await reloaded.panel.getByText('No, nothing in my inbox or spam.').waitFor();
    expect(await reloaded.messages.locator('.text').allInnerTexts()).toEqual(texts);

    const secondTab = await openDemo(await browser.newPage());
    await secondTab.tab('Chat');
    await secondTab.panel.getByText('Did the reset mail arrive?').waitFor();
    expect(await secondTab.messages.locator('.text').allInnerTexts()).toEqual(texts);
    await agent.request('message.send', { conversationId, clientId: randomUUID(), text: 'I sent a new link just now.' });
    await Promise.all([secondTab, reloaded].map((tab) => tab.panel.getByText('I sent a new link just now.').waitFor()));
    await secondTab.page.close();

    await agent.request('conversation.close', { conversationId });
    await reloaded.panel.getByText('The conversation has ended.').waitFor();
    // By keyboard, as anyone who does not use a mouse rates.
    await reloaded.panel.getByRole('radio', { name: '5 out of 5' }).focus();
    await page.keyboard.press('Space');
    await reloaded.panel.getByLabel('A comment (optional)').fill('Quick and kind');
    await expectAccessible(reloaded);
    await screenshot(page, '06-rating');
    await reloaded.panel.getByRole('button', { name: 'Send the rating' }).click();
    await reloaded.panel.getByText('Thank you for your rating!').waitFor();
    await agent.next('conversation.rated', (rating: { conversationId: string; score: number; comment?: string }) => {
      return rating.conversationId === conversationId && rating.score === 5 && rating.comment === 'Quick and kind';
    });
  });

  it('(2) a customer sets a password from the mailed link, signs in, opens a ticket with two files after the suggested articles, finds it in the list and reads the agent’s reply', async () => {
    const page = await browser.newPage();
    const { contactId, email, password } = await portalCustomer(stack, relay, page, 'Ada Customer');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Later, on the support site: signing in through the help center.
    const helpCenter = await openDemo(page);
    await helpCenter.signIn(email, password, 'Ada Customer');
    await stack.waitUntilIdle(60_000); // tickets learns of the new contact from identity's event

    await helpCenter.tab('Ticket');
    await helpCenter.panel.getByLabel('Department').selectOption({ label: 'Salesforce' });
    await helpCenter.panel.getByLabel('Feature').selectOption({ label: 'Enrollment sync' });
    await helpCenter.panel.getByRole('button', { name: 'Fixing Salesforce enrollment sync errors' }).waitFor();
    await expectAccessible(helpCenter);
    await screenshot(page, '07-ticket-suggestions');
    await helpCenter.panel.getByRole('button', { name: 'My question is not answered: continue' }).click();

    await helpCenter.panel.getByRole('button', { name: 'What the priorities mean' }).click();
    await helpCenter.panel.locator('#priority-meanings dt').first().waitFor();
    await helpCenter.panel.getByRole('radio', { name: 'High' }).check();
    await helpCenter.panel.getByLabel('Subject').fill('Enrollments stopped syncing');
    await helpCenter.panel
      .getByLabel('Description')
      .fill('Since Monday no enrollment reaches Salesforce; the log says FIELD_CUSTOM_VALIDATION.');
    const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    const files = helpCenter.panel.locator('#ticket-files');
    await files.setInputFiles([file('sync-log.txt', 'FIELD_CUSTOM_VALIDATION on Enrollment__c'), file('steps.txt', '1. enrol 2. wait')]);
    await files.setInputFiles([file('third.txt', '3'), file('fourth.txt', '4')]);
    await helpCenter.panel.getByText('At most 3 files.').waitFor();
    await helpCenter.panel.getByRole('button', { name: 'Remove fourth.txt' }).click();
    await helpCenter.panel.getByRole('button', { name: 'Remove third.txt' }).click();
    await helpCenter.panel.getByText('At most 3 files.').waitFor({ state: 'detached' });
    await expectAccessible(helpCenter);
    await screenshot(page, '08-ticket-form');
    await helpCenter.panel.getByRole('button', { name: 'Send the ticket' }).click();

    const thanks = helpCenter.panel.getByRole('heading', { name: /^Thank you! Your ticket #\d+ is open\.$/ });
    await thanks.waitFor();
    const number = Number(/#(\d+)/.exec(await thanks.innerText())![1]);
    await screenshot(page, '09-ticket-thanks');
    const [ticket] = (await stack.getJson<{ items: AgentTicket[] }>('tickets', `/tickets?requesterContactId=${contactId}`)).items;
    expect(ticket).toMatchObject({ number, channel: 'web', priority: 'high' });
    const { messages } = await stack.getJson<AgentTicket>('tickets', `/tickets/${ticket!.id}`);
    expect(messages[0]!.attachments.map((attachment) => attachment.filename).sort()).toEqual(['steps.txt', 'sync-log.txt']);

    await helpCenter.panel.getByRole('button', { name: `Follow ticket #${number}` }).click();
    await helpCenter.panel.getByRole('heading', { name: `#${number} Enrollments stopped syncing` }).waitFor();
    await helpCenter.panel.getByRole('button', { name: 'Back to the list' }).click();
    await helpCenter.panel.getByRole('button', { name: `#${number} Enrollments stopped syncing` }).waitFor();

    const replied = await stack.fetch('tickets', `/tickets/${ticket!.id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'We found the validation rule that blocks the sync.' }),
    });
    expect(replied.status).toBe(201);
    await helpCenter.panel.getByRole('button', { name: `#${number} Enrollments stopped syncing` }).click();
    await helpCenter.panel.getByText('We found the validation rule that blocks the sync.').waitFor();
    await helpCenter.panel.getByLabel('Your reply').fill('Thanks, here is the export of the failed rows.');
    await helpCenter.panel.locator('#reply-files').setInputFiles(file('failed-rows.txt', 'Enrollment__c;FIELD_CUSTOM_VALIDATION'));
    await helpCenter.panel.getByRole('button', { name: 'Send the reply' }).click();
    await helpCenter.panel.getByText('Thanks, here is the export of the failed rows.').waitFor();
    await expectAccessible(helpCenter);
    await screenshot(page, '10-ticket-thread');
    const thread = await stack.getJson<AgentTicket>('tickets', `/tickets/${ticket!.id}`);
    expect(thread.messages.flatMap((message) => message.attachments.map((attachment) => attachment.filename))).toContain('failed-rows.txt');
  });
});
