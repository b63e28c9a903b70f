import { randomUUID } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { clientOf } from '../../apps/chat/test/chat-under-test';
import { eventually, uniqueName } from '../support/infra';
import { Stack } from '../support/stack';
import { availableAgent, invitedAgent } from './support/agent';
import { BrowserRun, startBrowserRun } from './support/browser-run';
import { Browser, screenshot, seriousAccessibilityViolations } from './support/chromium';
import { Console } from './support/console';

interface Contact {
  id: string;
  name: string;
  email: string;
  emails: string[];
  phones: { number: string; kind: string }[];
  language: string | null;
  timeZone: string | null;
  notes: string | null;
  tags: string[];
  organizations: { id: string; isDefault: boolean; isPrimaryContact: boolean }[];
  anonymizedAt: string | null;
}

interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  requester: { contactId: string };
}

/** Past this many mails from one sender within the window, email-ingest holds the next ones in quarantine. */
const floodLimit = 2;

/**
 * The console's customer and mail parts in Debian's Chromium against the four services as processes (`npm run build`
 * first): an agent edits a customer's profile and finds it saved after a reload, opens a ticket on the customer's
 * behalf, reads the customer's chat transcripts, releases a mail held in quarantine so it becomes a ticket, accepts
 * mail from an unknown sender (who becomes a contact), sees a domain conflict, and deletes a customer after the dialog
 * saying what is erased. One stack for the file; the tests run in order as one agent's work.
 */
describe('the agent console in a real browser: customers and mail', () => {
  let run: BrowserRun;
  let stack: Stack;
  let browser: Browser;
  let agent: { email: string; password: string };
  let customer: Contact;
  const domain = `${uniqueName('nowak').replace(/_/g, '-')}.test`;

  const expectAccessible = async (page: Page) => expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const contact = (id: string) => stack.getJson<Contact>('identity', `/contacts/${id}`);

  /** What identity answers an admin's `POST` that must create something. */
  async function created<T>(path: string, body: unknown): Promise<T> {
    const answer = await stack.fetch('identity', path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(201);
    return (await answer.json()) as T;
  }
  const ticketsFrom = (email: string) =>
    stack.getJson<{ items: TicketSummary[] }>('tickets', `/tickets?requesterEmail=${encodeURIComponent(email)}`).then(({ items }) => items);

  /** A customer's mail to the support address through the stack's real SMTP port. */
  async function sendMail(from: string, subject: string): Promise<void> {
    const mailer = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true });
    await mailer.sendMail({ from, to: 'support@helpgate.test', subject, text: 'Could you help?' });
    mailer.close();
  }

  let signedIn = false;
  /** A console page at `hash`, signed in: the first page signs in, the console keeps the session for the next ones. */
  async function consoleAt(hash: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${stack.url.chat}/console${hash}`);
    if (!signedIn) await new Console(page).signIn(agent.email, agent.password);
    signedIn = true;
    return page;
  }

  beforeAll(async () => {
    run = await startBrowserRun({ INBOUND_FLOOD_LIMIT: String(floodLimit) });
    ({ stack, browser } = run);
    agent = await invitedAgent(stack, run.relay, 'Nina Agent');
    customer = await created<Contact>('/contacts', { name: 'Nora Nowak', email: `nora@${domain}` });
  });

  afterAll(async () => {
    await run?.close();
  });

  it('an agent edits a customer’s details, finds them saved after a reload, and opens a ticket on the customer’s behalf', async () => {
    const page = await consoleAt(`#customers/${customer.id}`);
    await page.getByRole('heading', { name: 'Nora Nowak', exact: true }).waitFor();
    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByLabel('Name', { exact: true }).fill('Nora Nowak-Kowalska');
    await profile.getByRole('button', { name: 'Add a phone number' }).click();
    await profile.getByLabel('Phone 1', { exact: true }).fill('+48 22 123 45 67');
    await profile.getByLabel('Phone 1 is').selectOption('shared');
    await profile.getByLabel('Language (BCP 47, e.g. en-GB)').fill('pl');
    await profile.getByLabel('Time zone').fill('Europe/Warsaw');
    await profile.getByLabel('Notes (agents only)').fill('Calls back in the mornings.');
    await profile.getByLabel('Tags (comma-separated)').fill('vip, beta');
    await profile.getByRole('button', { name: 'Save the profile' }).click();
    await profile.getByText('Profile saved.').waitFor();
    await page.getByRole('heading', { name: 'Nora Nowak-Kowalska' }).waitFor();

    const addresses = page.getByRole('region', { name: 'Email addresses' });
    await addresses.getByLabel('Another address').fill(`n.kowalska@${domain}`);
    await addresses.getByRole('button', { name: 'Add the address' }).click();
    await addresses.getByRole('button', { name: `Make n.kowalska@${domain} primary` }).click();
    await addresses.getByText(`n.kowalska@${domain} is now the primary address.`).waitFor();
    await addresses.getByRole('button', { name: `Send a verification link to n.kowalska@${domain}` }).click();
    await addresses.getByText(`Verification link sent to n.kowalska@${domain}.`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'customers-01-details');

    await page.reload();
    await page.getByRole('heading', { name: 'Nora Nowak-Kowalska' }).waitFor();
    const reloaded = page.getByRole('form', { name: 'Profile' });
    await expect(reloaded.getByLabel('Phone 1', { exact: true }).inputValue()).resolves.toBe('+48221234567');
    await expect(reloaded.getByLabel('Phone 1 is').inputValue()).resolves.toBe('shared');
    await expect(reloaded.getByLabel('Language (BCP 47, e.g. en-GB)').inputValue()).resolves.toBe('pl');
    await expect(reloaded.getByLabel('Time zone').inputValue()).resolves.toBe('Europe/Warsaw');
    await expect(reloaded.getByLabel('Notes (agents only)').inputValue()).resolves.toBe('Calls back in the mornings.');
    await expect(reloaded.getByLabel('Tags (comma-separated)').inputValue()).resolves.toBe('vip, beta');
    expect(await contact(customer.id)).toMatchObject({
      name: 'Nora Nowak-Kowalska',
      email: `n.kowalska@${domain}`,
      emails: [`n.kowalska@${domain}`, `nora@${domain}`],
      phones: [{ number: '+48221234567', kind: 'shared' }],
      timeZone: 'Europe/Warsaw',
    });
    // identity mailed the link to the address itself.
    await eventually(
      () =>
        expect(run.relay.to(`n.kowalska@${domain}`).map((mail) => mail.parsed.text)).toContainEqual(
          expect.stringMatching(/verify-email\?token=/),
        ),
      60_000,
    );

    const newTicket = page.getByRole('form', { name: 'New ticket for this customer' });
    await newTicket.getByLabel('Subject').fill('Invoice address to change');
    await newTicket.getByLabel('What the customer asks').fill('Nora called: the invoices should go to the Warsaw office.');
    await newTicket.getByRole('button', { name: 'Create the ticket' }).click();
    await newTicket.getByText('Ticket created:').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'customers-02-ticket-created');
    await newTicket.getByRole('link', { name: /^#\d+$/ }).click();
    await page.getByRole('heading', { name: /Invoice address to change/ }).waitFor();
    await page.getByText('Nora called: the invoices should go to the Warsaw office.').waitFor();
    const { items } = await stack.getJson<{ items: TicketSummary[] }>('tickets', `/tickets?requesterContactId=${customer.id}`);
    expect(items.map((ticket) => ticket.subject)).toEqual(['Invoice address to change']);
  });

  it('on the Related tab an agent adds the customer to an organization, makes it the default one and the customer its primary contact', async () => {
    const firmName = `Nowak Consulting ${uniqueName('firm')}`;
    const firm = await created<{ id: string }>('/organizations', { name: firmName });
    const page = await consoleAt(`#customers/${customer.id}`);
    await page.getByRole('tab', { name: 'Related' }).click();
    const related = page.getByRole('tabpanel');
    await related.getByLabel('Add to an organization').selectOption({ label: firmName });
    await related.getByRole('button', { name: 'Add', exact: true }).click();
    await related.getByRole('button', { name: `Make ${firmName} the default organization` }).click();
    await related.getByRole('button', { name: `Make primary contact of ${firmName}` }).click();
    await related.getByRole('button', { name: `No longer primary contact of ${firmName}` }).waitFor();
    await expectAccessible(page);
    expect((await contact(customer.id)).organizations).toContainEqual(
      expect.objectContaining({ id: firm.id, isDefault: true, isPrimaryContact: true }),
    );
    await page.close();
  });

  it('the customer’s chats with the team are on the profile, each with its messages', async () => {
    const chatAgent = await availableAgent(stack, 'Ada Chat');
    const visitor = clientOf(io(`${stack.url.chat}/visitor`, { transports: ['websocket'], forceNew: true, reconnection: false }));
    try {
      await visitor.next('session');
      const { conversationId } = await visitor.request<{ conversationId: string }>('message.send', {
        clientId: randomUUID(),
        text: 'Is my invoice ready?',
      });
      await visitor.request('visitor.identify', { conversationId, email: `nora@${domain}` });
      await chatAgent.next<{ id: string }>('conversation.assigned', (conversation) => conversation.id === conversationId);
      await chatAgent.request('message.send', { conversationId, clientId: randomUUID(), text: 'Yes, it went out this morning.' });
      await chatAgent.request('conversation.close', { conversationId });
    } finally {
      visitor.close();
      chatAgent.close();
    }
    // chat publishes the transcript as the conversation ends; identity files it on the contact owning the address.
    await eventually(
      async () => expect((await stack.getJson<{ total: number }>('identity', `/contacts/${customer.id}/chat-transcripts`)).total).toBe(1),
      60_000,
    );

    const page = await consoleAt(`#customers/${customer.id}`);
    await page.getByRole('tab', { name: 'Chat transcripts' }).click();
    await page.getByRole('button', { name: /with Ada Chat \(\d+ messages\)/ }).click();
    const opened = page.getByRole('region', { name: /^Chat of / });
    await opened.getByText('Is my invoice ready?').waitFor();
    await opened.getByText('Yes, it went out this morning.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'customers-03-chat-transcript');
  });

  it('a mail held in quarantine is seen with why it was held, and released so it becomes a ticket', async () => {
    const sender = `busy@${domain}`;
    for (let index = 1; index <= floodLimit + 1; index += 1) await sendMail(sender, `Order ${index} missing`);
    const heldSubject = `Order ${floodLimit + 1} missing`;
    await eventually(async () => expect(await ticketsFrom(sender)).toHaveLength(floodLimit), 60_000);

    const page = await consoleAt('#mail');
    const kinds = page.getByRole('group', { name: 'Kinds of held mail' });
    await kinds.getByRole('button', { name: 'flood 1' }).click();
    const held = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: heldSubject }) });
    await held.getByText(`From ${sender}`).waitFor();
    await expect(held.getByRole('definition').first().textContent()).resolves.toBe('flood');
    await expectAccessible(page);
    await screenshot(page, 'customers-04-quarantine');

    await held.getByRole('button', { name: `Release “${heldSubject}”` }).click();
    await page.getByText(`“${heldSubject}” released: it goes on to become a ticket.`).waitFor();
    await page.getByText('No mail is held.').waitFor();
    await eventually(async () => expect((await ticketsFrom(sender)).map((ticket) => ticket.subject)).toContain(heldSubject), 60_000);
  });

  it('mail from an unknown sender waits while contacts are not created automatically; accepting it makes the sender a contact and opens the ticket', async () => {
    const changeSettings = async (settings: { autoCreateContacts: boolean }) => {
      const changed = await stack.fetch('identity', '/settings', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(settings),
      });
      expect(changed.status).toBe(200);
    };
    const sender = `stella@${domain}`;
    await changeSettings({ autoCreateContacts: false });
    try {
      await sendMail(sender, 'Quote for 40 seats');
      await eventually(async () => {
        const { items } = await stack.getJson<{ items: { sender: string }[] }>('identity', '/unknown-senders');
        expect(items.map((item) => item.sender)).toContain(sender);
      }, 60_000);

      const page = await consoleAt('#mail');
      const waiting = page
        .getByRole('region', { name: 'Unknown senders' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: 'Quote for 40 seats' }) });
      await waiting.getByLabel(`Name for ${sender}`).fill('Stella Stone');
      await expectAccessible(page);
      await screenshot(page, 'customers-05-unknown-sender');
      await waiting.getByRole('button', { name: `Accept mail from ${sender}` }).click();
      await page.getByText(`Mail from ${sender} accepted.`).waitFor();
      await page.getByText('No mail waits for acceptance.').waitFor();
      await eventually(
        async () => expect((await ticketsFrom(sender)).map((ticket) => ticket.subject)).toEqual(['Quote for 40 seats']),
        60_000,
      );
      const { items } = await stack.getJson<{ items: Contact[] }>('identity', `/contacts?email=${encodeURIComponent(sender)}`);
      expect(items.map((found) => found.name)).toEqual(['Stella Stone']);
    } finally {
      await changeSettings({ autoCreateContacts: true });
    }
  });

  it('the organizations page lists a contact two organizations claim, with both claims', async () => {
    const university = `uni-${domain}`;
    await created('/organizations', { name: 'University', domains: [{ domain: university, includeSubdomains: true }] });
    await created('/organizations', { name: 'Physics Department', domains: [`physics.${university}`] });
    const researcher = await created<{ id: string }>('/contacts', { name: 'Lab Desk', email: `desk@lab.physics.${university}` });

    const page = await consoleAt('#organizations');
    const conflicts = page.getByRole('region', { name: 'Domain conflicts' });
    const conflict = conflicts.getByRole('listitem').filter({ hasText: `lab.physics.${university}` });
    await conflict.getByText(`claimed by University (*.${university}), Physics Department (physics.${university})`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'customers-06-domain-conflicts');
    await conflict.getByRole('link', { name: `A contact at lab.physics.${university}` }).click();
    await page.getByRole('heading', { name: 'Lab Desk' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#customers/${researcher.id}`);
  });

  it('an agent deletes a customer after the dialog saying what is erased', async () => {
    const page = await consoleAt(`#customers/${customer.id}`);
    await page.getByRole('heading', { name: 'Nora Nowak-Kowalska' }).waitFor();
    await page.getByRole('button', { name: 'Delete and erase personal data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Nora Nowak-Kowalska?' });
    await dialog.getByText(`the name, addresses (n.kowalska@${domain}, nora@${domain}), phone numbers`).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'customers-07-delete-dialog');
    await dialog.getByRole('button', { name: 'Keep the customer' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await contact(customer.id)).anonymizedAt).toBeNull();

    await page.getByRole('button', { name: 'Delete and erase personal data…' }).click();
    await dialog.getByRole('button', { name: 'Delete and erase' }).click();
    await page.getByLabel('Name or email').waitFor();
    const erased = await contact(customer.id);
    expect(erased).toMatchObject({ name: 'Deleted contact', emails: [] });
    expect(erased.anonymizedAt).not.toBeNull();
    await page.getByLabel('Name or email').fill(`nora@${domain}`);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('No contact matches.').waitFor();
    await expectAccessible(page);
  });
});
