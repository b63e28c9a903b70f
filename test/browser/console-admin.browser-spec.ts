import { Page } from 'playwright-core';
import { eventually, uniqueName } from '../support/infra';
import { Stack } from '../support/stack';
import { BrowserRun, startBrowserRun } from './support/browser-run';
import { screenshot, seriousAccessibilityViolations } from './support/chromium';
import { Console } from './support/console';

interface Agent {
  id: string;
  email: string;
  role: string;
  languages: string[];
  chatCapacity: number;
  active: boolean;
}

interface Department {
  name: string;
  active: boolean;
  features: { name: string; active: boolean }[];
}

const admin = { email: 'admin@helpgate.test', password: 'the first admin’s long passphrase' };

/**
 * The console's Administration section in Debian's Chromium against the four services as processes (`npm run build`
 * first): the first admin invites an agent and changes it, renames and adds ticket categories, gives support addresses
 * their default category, edits business hours (a refusal shown with the service's code first) and the services'
 * settings, each page without serious accessibility violations; the invited agent, not an admin, never sees the section.
 * The tests run in order, as one session of the admin and then the agent's.
 */
describe('the agent console in a real browser: administration', () => {
  let run: BrowserRun;
  let stack: Stack;
  let page: Page;
  const agentEmail = `${uniqueName('alan')}@helpgate.test`;

  const expectAccessible = async () => expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const json = async <T>(service: Parameters<Stack['fetch']>[0], path: string) => (await (await stack.fetch(service, path)).json()) as T;
  const invitedAgent = async () =>
    (await json<{ items: Agent[] }>('identity', '/agents?limit=200')).items.find((a) => a.email === agentEmail);
  /** Opens an administration page from the section's own navigation, as a keyboard or mouse user would. */
  const openAdminPage = async (name: string) => {
    await page.getByRole('navigation', { name: 'Administration pages' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
  };
  /** Laptop width: the page's content fits the window, with no sideways scrolling. */
  const expectFitsLaptopWidth = async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1280, height: 800 });
  };
  const saved = () => page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  beforeAll(async () => {
    run = await startBrowserRun({ IDENTITY_FIRST_ADMIN_EMAIL: admin.email, IDENTITY_FIRST_ADMIN_PASSWORD: admin.password });
    stack = run.stack;
    page = await run.browser.newPage();
  });

  afterAll(async () => {
    await run?.close();
  });

  it('the admin invites an agent, then changes its languages and chat capacity, deactivates and reactivates it', async () => {
    await page.goto(`${stack.url.chat}/console`);
    await new Console(page).signIn(admin.email, admin.password);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 2, name: 'Agents' }).waitFor();
    await page.getByRole('rowheader', { name: 'Administrator' }).waitFor();
    await expectAccessible();

    const invite = page.getByRole('form', { name: 'Invite an agent' });
    await invite.getByLabel('Name').fill('Alan Turing');
    await invite.getByLabel('Email').fill(agentEmail);
    await invite.getByLabel('Role').selectOption({ label: 'Agent' });
    await invite.getByRole('button', { name: 'Send the invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invited ${agentEmail}` })
      .waitFor();
    await page.getByRole('rowheader', { name: 'Alan Turing' }).waitFor();
    expect(await invitedAgent()).toMatchObject({ role: 'agent', languages: ['en'], chatCapacity: 3, active: true });

    await page.getByLabel('Languages of Alan Turing').fill('en, de');
    await page.getByLabel('Chat capacity of Alan Turing').fill('1');
    await page.getByRole('button', { name: 'Save Alan Turing' }).click();
    await saved();
    expect(await invitedAgent()).toMatchObject({ languages: ['en', 'de'], chatCapacity: 1 });

    await page.getByRole('button', { name: 'Deactivate Alan Turing' }).click();
    await page.getByRole('button', { name: 'Reactivate Alan Turing' }).waitFor();
    expect(await invitedAgent()).toMatchObject({ active: false });
    await expectAccessible();
    await screenshot(page, 'console-admin-01-agents');
    await expectFitsLaptopWidth();
    await page.getByRole('button', { name: 'Reactivate Alan Turing' }).click();
    await page.getByRole('button', { name: 'Deactivate Alan Turing' }).waitFor();
    expect(await invitedAgent()).toMatchObject({ active: true });
  });

  it('the admin renames a category, adds and deactivates another, and gives support addresses their default category', async () => {
    await openAdminPage('Ticket categories');
    await page.getByLabel('New name for Billing').fill('Invoices and billing');
    await page.getByLabel('New name for Billing').press('Enter');
    await page.getByLabel('New name for Invoices and billing').waitFor();

    const addFeature = page.getByRole('form', { name: 'Add a feature to a department' });
    await addFeature.getByLabel('Department').selectOption({ label: 'Service request' });
    await addFeature.getByLabel('Feature').fill('Refunds');
    await addFeature.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: 'Deactivate Refunds' }).click();
    await page.getByRole('button', { name: 'Reactivate Refunds' }).waitFor();
    await expectAccessible();
    await screenshot(page, 'console-admin-02-categories');
    await expectFitsLaptopWidth();
    const serviceRequest = (await json<Department[]>('tickets', '/categories?includeInactive=true')).find(
      (department) => department.name === 'Service request',
    );
    expect(serviceRequest!.features).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Invoices and billing', active: true }),
        expect.objectContaining({ name: 'Refunds', active: false }),
      ]),
    );
    expect(serviceRequest!.features.map((feature) => feature.name)).not.toContain('Billing');

    await openAdminPage('Support addresses');
    await page.getByLabel('Default category of support@helpgate.test').selectOption('Service request / Invoices and billing');
    await page.getByRole('button', { name: 'Save support@helpgate.test' }).click();
    await saved();
    const add = page.getByRole('form', { name: 'Add a support address' });
    await add.getByLabel('Address').fill('sales@helpgate.test');
    await add.getByLabel('Default category').selectOption('Subscriptions');
    await add.getByRole('button', { name: 'Add the address' }).click();
    await page.getByLabel('Default category of sales@helpgate.test').waitFor();
    await expectAccessible();
    await screenshot(page, 'console-admin-03-support-addresses');
    expect(await json('email-ingest', '/support-addresses')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ address: 'support@helpgate.test', defaultCategory: 'Service request / Invoices and billing' }),
        expect.objectContaining({ address: 'sales@helpgate.test', defaultCategory: 'Subscriptions' }),
      ]),
    );
    await page.getByRole('button', { name: 'Remove sales@helpgate.test' }).click();
    await page.getByRole('status').filter({ hasText: 'sales@helpgate.test removed' }).waitFor();
    expect(await json<{ address: string }[]>('email-ingest', '/support-addresses')).toEqual([
      expect.objectContaining({ address: 'support@helpgate.test' }),
    ]);
  });

  it('the admin edits business hours, told why a schedule is refused, and the settings of each service', async () => {
    await openAdminPage('Business hours');
    await page.getByLabel('Opening hours').fill('weekdays 9-5');
    await page.getByRole('button', { name: 'Save' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('(request.invalid_input)').waitFor();
    await expect(refusal.textContent()).resolves.toContain('schedule: business hours: "weekdays" in "weekdays 9-5" must be a day');
    await expectAccessible();
    await screenshot(page, 'console-admin-04-business-hours-refused');

    await page.getByLabel('Opening hours').fill('mon-fri 09:00-17:00; sat 10:00-13:00');
    await page.getByLabel('Time zone').fill('Europe/Zurich');
    await page.getByLabel('Holidays').fill('2026-12-25, 2026-12-26');
    await page.getByRole('button', { name: 'Save' }).click();
    await saved();
    expect(await json('chat', '/business-hours')).toEqual({
      schedule: 'mon-fri 09:00-17:00; sat 10:00-13:00',
      timeZone: 'Europe/Zurich',
      holidays: '2026-12-25, 2026-12-26',
    });

    await openAdminPage('Contacts and sign-in settings');
    await page.getByLabel('Send new contacts a welcome mail').waitFor();
    await expectAccessible();
    await openAdminPage('Ticket settings');
    await page.getByRole('group', { name: 'Customer success form' }).waitFor();
    await expectAccessible();
    await openAdminPage('Help center settings');
    await page.getByLabel('Team name').fill('Lumen support');
    await page.getByLabel('Accent colour (#rrggbb)').fill('orange');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').getByText('accentColor: must be a colour such as #1a73e8').waitFor();
    await page.getByLabel('Accent colour (#rrggbb)').fill('#FF6600');
    await page.getByRole('button', { name: 'Save' }).click();
    await saved();
    await expectAccessible();
    await screenshot(page, 'console-admin-05-help-center-settings');
    await expectFitsLaptopWidth();
    expect(await json('chat', '/help-center/config')).toMatchObject({ teamName: 'Lumen support', accentColor: '#ff6600' });
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('the invited agent, not an admin, signs in and sees no Administration', async () => {
    const token = await eventually(() => {
      const found = /set-password\?token=([\w-]{43})/.exec(run.relay.to(agentEmail).at(-1)?.parsed.text ?? '');
      expect(found).not.toBeNull();
      return found![1];
    }, 60_000);
    const password = 'Alan’s own long passphrase';
    const chosen = await fetch(`${stack.url.identity}/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password }),
    });
    expect(chosen.status).toBe(204);

    await new Console(page).signIn(agentEmail, password);
    await page.getByText('Signed in as Alan Turing').waitFor();
    const sections = page.getByRole('navigation', { name: 'Console sections' });
    await sections.getByRole('link', { name: 'Tickets' }).waitFor();
    expect(await sections.getByRole('link').allTextContents()).not.toContain('Administration');
    await page.goto(`${stack.url.chat}/console#admin/agents`);
    await page.getByText('Signed in as Alan Turing').waitFor();
    expect(await page.getByRole('navigation', { name: 'Administration pages' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Agents' }).count()).toBe(0);
  });
});
