import { Response } from 'playwright-core';
import { eventually } from '../support/infra';
import { Stack } from '../support/stack';
import { TestRelay } from '../support/test-relay';
import { BrowserRun, startBrowserRun } from './support/browser-run';
import { Browser } from './support/chromium';
import { HelpCenter } from './support/help-center';
import { portalCustomer } from './support/portal-customer';

/** Short, so the test outlives a token: the panel renews a minute before expiry, here five seconds after each sign-in. */
const accessTokenSeconds = 65;

interface Observed {
  at: number;
  path: string;
  status: number;
}

/**
 * A sign-in through the panel outlasting its access token, in Debian's Chromium against the four services as processes,
 * identity issuing tokens that live 65 seconds.
 */
describe('the help center in a real browser: a sign-in outlasts its access token', () => {
  let relay: TestRelay;
  let stack: Stack;
  let browser: Browser;

  let run: BrowserRun;

  beforeAll(async () => {
    run = await startBrowserRun({ IDENTITY_ACCESS_TOKEN_TTL_SECONDS: String(accessTokenSeconds) });
    ({ relay, stack, browser } = run);
  });

  afterAll(async () => {
    await run?.close();
  });

  it('renews the access token with the refresh token, so the customer stays signed in and their tickets load after the first token died', async () => {
    const page = await browser.newPage();
    const customer = await portalCustomer(stack, relay, page, 'Rena Renewal');
    await page.goto(`${stack.url.chat}/help-center/demo`);
    const helpCenter = new HelpCenter(page);
    await helpCenter.open();

    const observed: Observed[] = [];
    let first: { accessToken: string; expiresAt: string } | null = null;
    page.on('response', (response: Response) => {
      const path = new URL(response.url()).pathname;
      observed.push({ at: Date.now(), path, status: response.status() });
      if (path.endsWith('/auth/contacts/sign-in') && response.ok()) {
        void response.json().then((session: { accessToken: string; expiresAt: string }) => (first = session));
      }
    });
    await helpCenter.signIn(customer.email, customer.password, 'Rena Renewal');

    // Renewed again and again, a minute before each token's end: the first within seconds.
    await eventually(
      () => expect(observed.filter((seen) => seen.path.endsWith('/auth/refresh') && seen.status < 300).length).toBeGreaterThan(1),
      30_000,
    );
    // Past the first token's life (and the 30 seconds of clock skew services allow): identity refuses it, and the
    // panel, on a renewed one, still lists the tickets.
    const { accessToken, expiresAt } = first!;
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) + 32_000 - Date.now()));
    const refused = await fetch(`${stack.url.identity}/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(refused.status).toBe(401);
    const expiredAt = Date.now();
    await eventually(
      () => expect(observed.some((seen) => seen.at > expiredAt && seen.path.endsWith('/portal/tickets') && seen.status === 200)).toBe(true),
      20_000,
    );
    expect(observed.filter((seen) => seen.status === 401)).toEqual([]);
    await helpCenter.panel.getByText('Signed in as Rena Renewal').waitFor();
    await helpCenter.panel.getByRole('button', { name: 'Sign in' }).waitFor({ state: 'detached' });
  }, 180_000);
});
