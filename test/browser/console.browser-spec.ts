import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createTransport } from 'nodemailer';
import { Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { ChatClient, clientOf } from '../../apps/chat/test/chat-under-test';
import { eventually, uniqueName } from '../support/infra';
import { Stack } from '../support/stack';
import { TestRelay } from '../support/test-relay';
import { availableAgent } from './support/agent';
import { BrowserRun, startBrowserRun } from './support/browser-run';
import { Browser, screenshot, seriousAccessibilityViolations } from './support/chromium';
import { Console } from './support/console';
import { HelpCenter } from './support/help-center';

interface TicketSummary {
  subject: string;
  channel: string;
  requester: { email: string | null };
}

/**
 * The agent console in Debian's Chromium against the four services as processes (`npm run build` first), as issue 17's
 * script has it: an invited agent chooses a password from the mailed link and signs in, accepts a chat a visitor
 * started in the help-center panel, answers it with a file, escalates it to a ticket, watches a conversation the AI
 * agent is having and takes it over; a mail to the support address appears in the unassigned view and is answered with
 * a template, threaded; two contacts are merged and their tickets follow; a domain given to an organization moves the
 * contact out of "Unassigned". The tests run in order, as one working day of the same agent.
 */
describe('the agent console in a real browser: chats and tickets', () => {
  let stack: Stack;
  let browser: Browser;
  let relay: TestRelay;
  let colleague: ChatClient & { id: string };
  const agentEmail = `${uniqueName('grace')}@helpgate.test`;
  const agentPassword = 'a long and secret passphrase';
  let agentId: string;

  const expectAccessible = async (page: Page) => expect(await seriousAccessibilityViolations(page)).toEqual([]);

  let run: BrowserRun;

  beforeAll(async () => {
    run = await startBrowserRun({ CHAT_AI_AGENT: 'builtin' });
    ({ relay, stack, browser } = run);
  });

  afterAll(async () => {
    colleague?.close();
    await run?.close();
  });

  it('an invited agent sets a password, signs in, accepts a queued chat, replies with a file, escalates it, takes over from the AI agent and signs out', async () => {
    // A colleague online but full: chats wait in the queue for someone to accept them.
    colleague = await availableAgent(stack, 'Ada Colleague', { chatCapacity: 0 });
    const invited = await stack.fetch('identity', '/agents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agentEmail, name: 'Grace Hopper', languages: ['en'], chatCapacity: 2 }),
    });
    expect(invited.status).toBe(201);
    agentId = ((await invited.json()) as { id: string }).id;
    const link = await eventually(() => {
      const found = /http:\/\/127\.0\.0\.1:\d+\/console\/set-password\?token=[\w-]{43}/.exec(
        relay.to(agentEmail).at(-1)?.parsed.text ?? '',
      );
      expect(found).not.toBeNull();
      return found![0];
    }, 60_000);
    expect(link.startsWith(`${stack.url.chat}/console/set-password`)).toBe(true);

    const page = await browser.newPage();
    await browser.context.grantPermissions(['notifications'], { origin: stack.url.chat });
    await page.goto(link);
    await page.getByLabel('Password').fill(agentPassword);
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('Your password is saved').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-01-set-password');

    await page.getByRole('link', { name: 'Sign in' }).click();
    const agentConsole = new Console(page);
    await agentConsole.signIn(agentEmail, agentPassword);
    await page.getByText('Signed in as Grace Hopper').waitFor();
    await page.getByText('Nobody is waiting.').waitFor();
    await page.getByLabel('Notify me of new chats (sound and desktop)').check();
    await expectAccessible(page);
    await screenshot(page, 'console-02-signed-in');

    const visitorPage = await browser.newPage();
    await visitorPage.goto(`${stack.url.chat}/help-center/demo`);
    const helpCenter = new HelpCenter(visitorPage);
    await helpCenter.open();
    await helpCenter.tab('Chat');
    await helpCenter.send('How do I reset my forgotten password?');
    await helpCenter.panel.locator('li.from-ai').first().waitFor({ timeout: 30_000 });
    await helpCenter.panel.getByRole('button', { name: 'Talk to a person' }).click();

    const entry = agentConsole.queued('How do I reset my forgotten password?');
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toMatch(/waiting \d+ s.*Language: en.*Why: asked for a person/);
    await expectAccessible(page);
    await screenshot(page, 'console-03-queue');
    await entry.getByRole('button', { name: 'Accept' }).click();
    await agentConsole.setStatus('Available');

    const chat = agentConsole.chat('Visitor');
    await chat.locator('li.from-ai').getByText('Answered by the AI agent').first().waitFor();
    await chat.getByText('How do I reset my forgotten password?').waitFor();
    await helpCenter.panel.getByText('Grace Hopper joined the conversation.').waitFor();
    await expect(chat.getByText('Anonymous visitor: no contact yet.').isVisible()).resolves.toBe(true);

    await chat.getByLabel('Your reply').fill('Hi, Grace here: the steps are in the attached file.');
    await chat
      .getByLabel('Attach files')
      .setInputFiles({ name: 'reset-steps.txt', mimeType: 'text/plain', buffer: Buffer.from('1. Open the sign-in page\n') });
    await chat.getByRole('button', { name: 'Send', exact: true }).click();
    await helpCenter.panel.getByText('the steps are in the attached file').waitFor();
    await helpCenter.panel.getByRole('button', { name: /reset-steps\.txt/ }).waitFor();
    await helpCenter.send('Thanks, but the mail never arrives.');
    await chat.getByText('Thanks, but the mail never arrives.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-04-chat');

    await chat.getByRole('button', { name: 'Escalate to a ticket' }).click();
    // The visitor is anonymous: the panel asks for the address the ticket's answer goes to.
    const visitorEmail = `${uniqueName('lin')}@customer.test`;
    await helpCenter.panel.getByLabel('Your email').fill(visitorEmail);
    await helpCenter.panel.getByRole('button', { name: 'Send my question as a ticket' }).click();
    await helpCenter.panel.getByText(`we will answer at ${visitorEmail}`).waitFor();
    await chat.getByText(/This chat has ended \(escalated\)/).waitFor();
    const ticket = await eventually(async () => {
      const { items } = await stack.getJson<{ items: TicketSummary[] }>(
        'tickets',
        `/tickets?requesterEmail=${encodeURIComponent(visitorEmail)}`,
      );
      expect(items).toHaveLength(1);
      return items[0]!;
    }, 60_000);
    expect(ticket).toMatchObject({ channel: 'chat', subject: 'Chat: How do I reset my forgotten password?' });
    await screenshot(page, 'console-05-escalated');
    await chat.getByRole('button', { name: 'Remove from my chats' }).click();

    // Another visitor talks with the AI agent (a socket.io client): the agent watches, then takes over.
    const aiVisitor = clientOf(io(`${stack.url.chat}/visitor`, { transports: ['websocket'], forceNew: true, reconnection: false }));
    await aiVisitor.next('session');
    const { conversationId } = await aiVisitor.request<{ conversationId: string }>('message.send', {
      clientId: randomUUID(),
      text: 'Where do I find my invoices?',
    });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('.live li').getByRole('button', { name: 'Watch' }).click();
    const watched = agentConsole.chat('Visitor');
    await watched.getByText('The AI agent is answering; you are watching.').waitFor();
    await watched.getByText('Where do I find my invoices?').waitFor();
    await aiVisitor.request('message.send', { conversationId, clientId: randomUUID(), text: 'I need the one from March.' });
    await watched.getByText('I need the one from March.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-06-watching');
    await watched.getByRole('button', { name: 'Take over' }).click();
    await watched.getByLabel('Your reply').fill('Grace here: I am taking over from our assistant.');
    await watched.getByRole('button', { name: 'Send', exact: true }).click();
    await aiVisitor.next<{ text: string }>('message', (message) => message.text === 'Grace here: I am taking over from our assistant.');
    aiVisitor.close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
  });

  it('a mail to the support address appears in the unassigned view; the agent answers it with a template, threaded, and assigns it', async () => {
    const customer = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
    const sender = `${uniqueName('jane')}@acme.test`;
    const subject = `Export fails ${uniqueName('run')}`;
    const template = await stack.fetch('tickets', '/reply-templates', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Export fixed', body: 'Hello {{requester.name}}, we fixed the export: please try again.' }),
    });
    expect(template.status).toBe(201);
    await customer.sendMail({
      from: `"Jane Doe" <${sender}>`,
      to: 'support@helpgate.test',
      subject,
      text: 'The export button does nothing.',
      messageId: `<${uniqueName('export')}@acme.test>`,
      attachments: [{ filename: 'export-log.txt', content: 'export failed at row 12' }],
    });
    const [acknowledgement] = await relay.receivedTo(sender, 1);
    customer.close();

    const page = await browser.newPage();
    await page.goto(`${stack.url.chat}/console#tickets`);
    await new Console(page).signIn(agentEmail, agentPassword);
    await page.getByRole('button', { name: /^Unassigned/ }).click();
    const row = page.getByRole('row').filter({ hasText: subject });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Jane Doe');
    await expectAccessible(page);
    await screenshot(page, 'console-07-unassigned');

    await row.getByRole('link', { name: subject }).click();
    await page.getByRole('heading', { name: new RegExp(subject) }).waitFor();
    await page.getByText('The export button does nothing.').waitFor();
    // The mail's attachment is kept by email-ingest: the console fetches it from there with the agent's token.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'export-log.txt' }).click()]);
    await expect(readFile((await download.path())!, 'utf8')).resolves.toBe('export failed at row 12');
    await page.getByLabel('Reply template').selectOption({ label: 'Export fixed' });
    // The preview is the mail as tickets fills it in for this ticket.
    await page.locator('.preview').getByText('Hello Jane Doe, we fixed the export: please try again.').waitFor();
    await page.getByRole('button', { name: 'Send the public reply' }).click();
    const [, reply] = await relay.receivedTo(sender, 2);
    expect(reply.parsed.text?.trim()).toBe('Hello Jane Doe, we fixed the export: please try again.');
    expect(reply.parsed.subject).toMatch(new RegExp(`^\\[#\\d+\\] Re: ${subject}$`));
    expect(reply.parsed.inReplyTo).toBe(acknowledgement.parsed.messageId);
    expect(reply.parsed.references).toContain(acknowledgement.parsed.messageId);

    const fields = page.getByRole('form', { name: 'Ticket fields' });
    await fields.getByLabel('Assignee').selectOption({ label: 'Grace Hopper' });
    await fields.getByLabel('Status').selectOption('pending');
    const [department] = (await (await stack.fetch('tickets', '/categories')).json()) as { id: string; name: string }[];
    await fields.getByLabel('Category').selectOption(department.id);
    await fields.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByText('Saved.').waitFor();
    await page
      .locator('.history')
      .getByText(/assignee/)
      .first()
      .waitFor();
    await page
      .locator('.history')
      .getByText(/category/)
      .first()
      .waitFor();
    await page.getByText('Hello Jane Doe, we fixed the export').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-08-ticket');

    await page.getByRole('link', { name: 'Back to the list' }).click();
    await page.getByRole('button', { name: /^My open tickets/ }).click();
    await page.getByRole('row').filter({ hasText: subject }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('the agent merges two contacts and their tickets follow; an admin adds an organization domain and the contact leaves Unassigned', async () => {
    const domain = `${uniqueName('corp').replace(/_/g, '-')}.test`;
    const [primary, duplicate] = [`jane@${domain}`, `jane.doe@${domain}`];
    const customer = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
    for (const [from, subject] of [
      [primary, 'Printer jams'],
      [duplicate, 'Printer still jams'],
    ]) {
      await customer.sendMail({ from: `"Jane Doe" <${from}>`, to: 'support@helpgate.test', subject, text: 'It jams on every page.' });
    }
    customer.close();
    const ticketsOf = (email: string) =>
      stack
        .getJson<{ items: TicketSummary[] }>('tickets', `/tickets?requesterEmail=${encodeURIComponent(email)}`)
        .then(({ items }) => items);
    await eventually(async () => {
      expect(await ticketsOf(primary)).toHaveLength(1);
      expect(await ticketsOf(duplicate)).toHaveLength(1);
    }, 60_000);

    const page = await browser.newPage();
    await page.goto(`${stack.url.chat}/console#customers`);
    await new Console(page).signIn(agentEmail, agentPassword);
    await page.getByLabel('Name or email').fill(primary);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('row').filter({ hasText: primary }).getByRole('link', { name: 'Jane Doe' }).click();
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    await page.getByRole('tab', { name: 'Tickets' }).click();
    await page.getByRole('tabpanel').getByText('Printer jams').waitFor();
    await page.getByLabel('The other contact’s email').fill(duplicate);
    await page.getByRole('button', { name: 'Find the contact' }).click();
    await page.getByText(`Merge Jane Doe (${duplicate}) into Jane Doe?`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-09-merge');
    await page.getByRole('button', { name: 'Merge into this contact' }).click();
    await page.getByText('Merged: the other contact’s tickets now follow this one.').waitFor();
    // tickets learns of the merge from identity's event: the profile shows both tickets once it has.
    const survivorId = new URL(page.url()).hash.split('/')[1]!;
    await eventually(async () => {
      const { items } = await stack.getJson<{ items: TicketSummary[] }>('tickets', `/tickets?requesterContactId=${survivorId}`);
      expect(items.map((ticket) => ticket.subject).sort()).toEqual(['Printer jams', 'Printer still jams']);
    }, 60_000);
    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByRole('tab', { name: 'Tickets' }).click();
    await page.getByRole('tabpanel').getByText('Printer still jams').waitFor();
    await screenshot(page, 'console-10-merged');

    // Promoted to admin, the agent signs in again and gives the customer's domain to a new organization.
    const promoted = await stack.fetch('identity', `/agents/${agentId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(promoted.status).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await new Console(page).signIn(agentEmail, agentPassword);
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByLabel('Only contacts in “Unassigned”').check();
    await page.getByLabel('Name or email').fill(primary);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('row').filter({ hasText: primary }).waitFor();

    const organization = `Corp ${domain}`;
    await page.getByRole('link', { name: 'Organizations', exact: true }).click();
    const creation = page.getByRole('form', { name: 'New organization' });
    await creation.getByLabel('Name').fill(organization);
    await creation.getByRole('button', { name: 'Create' }).click();
    const form = page.getByRole('form', { name: `Add a domain to ${organization}` });
    await form.getByLabel('Domain', { exact: true }).fill(domain);
    await form.getByRole('button', { name: 'Add the domain' }).click();
    await page.getByText(`${domain} added; 1 contacts moved from “Unassigned”.`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'console-11-organization');

    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByLabel('Only contacts in “Unassigned”').check();
    await page.getByLabel('Name or email').fill(primary);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('No contact matches.').waitFor();
    await page.getByLabel('Only contacts in “Unassigned”').uncheck();
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('row').filter({ hasText: organization }).waitFor();
  });
});
