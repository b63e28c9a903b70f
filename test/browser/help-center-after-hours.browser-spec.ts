import { Page } from 'playwright-core';
import { ChatClient } from '../../apps/chat/test/chat-under-test';
import { eventually } from '../support/infra';
import { startStack, Stack } from '../support/stack';
import { availableAgent } from './support/agent';
import { Browser, launchChromium, screenshot, seriousAccessibilityViolations } from './support/chromium';
import { HelpCenter, styleOf } from './support/help-center';

interface TicketPage {
  items: { id: string; channel: string; subject: string }[];
}

/** Today and tomorrow in UTC: the team is closed for the whole run, whenever it starts. */
function closedDays(): string {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return `${day(0)},${day(1)}`;
}

/** Sheets a host page might carry: resets, `!important` everywhere, and rules aimed at buttons, frames and inline elements. */
const hostileCss = `
  * { box-sizing: content-box !important; font-family: "Comic Sans MS", cursive !important; line-height: 3 !important;
      color: #ff00ff !important; letter-spacing: 4px !important; }
  html body * { background: #00ff00 !important; border: 3px dotted red !important; }
  button { all: unset !important; width: 5px !important; height: 5px !important; visibility: hidden !important; }
  iframe { display: none !important; width: 1px !important; height: 1px !important; }
  div, span, section { position: static !important; transform: rotate(3deg) !important; }
  body > * { opacity: 0.9 !important; z-index: -1 !important; }
`;

/**
 * The help center when nobody can answer live (a holiday for the whole run), and on a host page whose styles attack
 * everything, in Debian's Chromium against the four services as processes.
 */
describe('the help center in a real browser: outside business hours and on a hostile page', () => {
  let stack: Stack;
  let browser: Browser;
  let agent: ChatClient | undefined;

  const openDemo = async (page: Page): Promise<HelpCenter> => {
    await page.goto(`${stack.url.chat}/help-center/demo`);
    const helpCenter = new HelpCenter(page);
    await helpCenter.open();
    return helpCenter;
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startStack({ env: { CHAT_AI_AGENT: 'builtin', CHAT_HOLIDAYS: closedDays() } }),
      launchChromium(),
    ]);
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await stack?.cleanUp();
  });

  it('(3) offers the ticket path outside business hours, even with an agent online, and the conversation becomes a ticket', async () => {
    agent = await availableAgent(stack, 'Linus Holiday');
    const page = await browser.newPage();
    const helpCenter = await openDemo(page);
    await helpCenter.tab('Chat');
    await helpCenter.send('Our invoices show the wrong billing contact');
    await helpCenter.panel.locator('li.from-ai').first().waitFor({ timeout: 30_000 });
    await helpCenter.panel.getByRole('button', { name: 'Talk to a person' }).click();

    await helpCenter.panel.getByText('We are outside our opening hours right now.').waitFor();
    await helpCenter.panel.getByLabel('Your name').fill('Olga Offhours');
    await helpCenter.panel.getByLabel('Your email').fill('olga@offhours.test');
    expect(await seriousAccessibilityViolations(await helpCenter.frame())).toEqual([]);
    await screenshot(page, '11-after-hours-offer');
    await helpCenter.panel.getByRole('button', { name: 'Send my question as a ticket' }).click();
    await helpCenter.panel.getByText('Your question became a ticket: we will answer at olga@offhours.test.').waitFor();
    await screenshot(page, '12-after-hours-ticket');

    const ticket = await eventually(async () => {
      const found = await stack.getJson<TicketPage>('tickets', '/tickets?requesterEmail=olga@offhours.test');
      expect(found.items).toHaveLength(1);
      return found.items[0]!;
    }, 60_000);
    expect(ticket).toMatchObject({ channel: 'chat', subject: 'Chat: Our invoices show the wrong billing contact' });
    expect(agent.received('conversation.assigned')).toEqual([]);
  });

  it('offers an anonymous visitor the "contact customer success" form where the team enables it, and the request becomes a ticket', async () => {
    const patch = (service: 'chat' | 'tickets', path: string, body: unknown) =>
      stack.fetch(service, path, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const categories = await stack.getJson<{ id: string; name: string }[]>('tickets', '/categories');
    const serviceRequest = categories.find((department) => department.name === 'Service request')!;
    expect((await patch('tickets', '/settings', { customerSuccessForm: { enabled: true, categoryId: serviceRequest.id } })).status).toBe(
      200,
    );
    expect((await patch('chat', '/help-center/settings', { contactCustomerSuccess: true })).status).toBe(200);

    const helpCenter = await openDemo(await browser.newPage());
    await helpCenter.tab('Ticket');
    await helpCenter.panel.getByRole('button', { name: 'Contact customer success' }).click();
    await helpCenter.panel.getByLabel('Priority').selectOption('high');
    await helpCenter.panel.getByLabel('Your name').fill('Nadia New');
    await helpCenter.panel.getByLabel('Your email').fill('nadia@newcustomer.test');
    await helpCenter.panel.getByLabel('What can we do for you?').fill('Renewal of our plan\nCan we add 50 seats?');
    expect(await seriousAccessibilityViolations(await helpCenter.frame())).toEqual([]);
    await helpCenter.panel.getByRole('button', { name: 'Send to customer success' }).click();
    await helpCenter.panel.getByText('we received your message and will answer at nadia@newcustomer.test').waitFor();

    const ticket = await eventually(async () => {
      const found = await stack.getJson<{ items: { subject: string; priority: string; tags: string[] }[] }>(
        'tickets',
        '/tickets?requesterEmail=nadia@newcustomer.test',
      );
      expect(found.items).toHaveLength(1);
      return found.items[0]!;
    }, 60_000);
    expect(ticket).toMatchObject({ subject: 'Renewal of our plan', priority: 'high', tags: ['customer-success'] });
  });

  it('(4) keeps the launcher and the panel intact on a page whose CSS attacks everything, and leaves the page’s own styles alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.url.chat}/help-center/demo`);
    const helpCenter = new HelpCenter(page);
    await helpCenter.launcher.waitFor();
    const hostHeading = () => styleOf(page.locator('h1'), 'font-family');
    const before = await hostHeading();
    await page.addStyleTag({ content: hostileCss });
    const hostileHeading = await hostHeading();
    expect(hostileHeading).toContain('Comic Sans'); // the attack does reach the page's own elements

    const launcher = await helpCenter.launcher.boundingBox();
    expect(launcher).toMatchObject({ width: 56, height: 56 });
    expect(await styleOf(helpCenter.launcher, 'background-color')).toBe('rgb(26, 115, 232)'); // the team's colour (#1a73e8)
    await helpCenter.open();
    const frame = await helpCenter.frameElement.boundingBox();
    expect(frame).toMatchObject({ width: 400 });
    expect(frame!.height).toBeGreaterThan(500);
    const tab = helpCenter.panel.getByRole('tab', { name: 'Help' });
    expect(await styleOf(tab, 'font-family')).not.toContain('Comic Sans');
    await helpCenter.panel.getByRole('searchbox').fill('SCORM upload');
    await helpCenter.panel.getByRole('button', { name: 'Search' }).click();
    await helpCenter.panel.getByRole('button', { name: /SCORM/ }).first().waitFor();
    expect(await seriousAccessibilityViolations(await helpCenter.frame())).toEqual([]);
    await screenshot(page, '13-hostile-host-page');
    expect(await hostHeading()).toBe(hostileHeading); // and the panel's own styles never reach the page
    expect(before).not.toBe(hostileHeading);
  });

  it('(4) fits a phone’s width and works by keyboard alone', async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(`${stack.url.chat}/help-center/demo`);
    const helpCenter = new HelpCenter(page);
    await helpCenter.launcher.focus();
    await page.keyboard.press('Enter');
    await helpCenter.panel.getByRole('tablist').waitFor();
    expect(await helpCenter.frameElement.boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    const frame = await helpCenter.frame();
    await frame.getByRole('tab', { name: 'Help' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await frame.evaluate('document.activeElement.textContent')).toBe('Chat');
    await helpCenter.panel.getByRole('tab', { name: 'Chat', selected: true }).waitFor();
    await screenshot(page, '14-phone-width');
    await page.keyboard.press('Escape');
    await helpCenter.frameElement.waitFor({ state: 'hidden' });
    expect(await helpCenter.launcher.getAttribute('aria-expanded')).toBe('false');
  });

  it('speaks the browser’s language: French for a French Chromium, Italian where the page asks for it', async () => {
    const french = await launchChromium({ locale: 'fr-FR' });
    try {
      const page = await french.newPage();
      await page.goto(`${stack.url.chat}/help-center/demo`);
      const helpCenter = new HelpCenter(page);
      await page.getByRole('button', { name: 'Aide (Support)', exact: true }).click();
      await helpCenter.panel.getByRole('tablist', { name: 'Sections du centre d’aide' }).waitFor();
      expect(await helpCenter.panel.getByRole('tab').allInnerTexts()).toEqual(['Aide', 'Discussion', 'Demande', 'Mon compte']);
      await helpCenter.panel.getByRole('searchbox', { name: 'Rechercher dans la base de connaissances' }).waitFor();
      expect(await (await helpCenter.frame()).evaluate('document.documentElement.lang')).toBe('fr');
      expect(await seriousAccessibilityViolations(await helpCenter.frame())).toEqual([]);

      // A host page may choose the language itself (data-language), whatever the browser's.
      await page.evaluate(`document.querySelector('helpgate-help-center').remove();
        const script = document.createElement('script');
        script.src = 'widget.js';
        script.dataset.language = 'it';
        document.body.append(script);`);
      await page.getByRole('button', { name: 'Aiuto (Support)', exact: true }).click();
      expect(await helpCenter.panel.getByRole('tab').allInnerTexts()).toEqual(['Aiuto', 'Chat', 'Richiesta', 'Il mio account']);
    } finally {
      await french.close();
    }
  });

  it('shows the team’s colour and name on the launcher once an admin changes them, with the loader and no other request', async () => {
    const patchAppearance = (appearance: { accentColor: string; teamName: string }) =>
      stack.fetch('chat', '/help-center/settings', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(appearance),
      });
    expect((await patchAppearance({ accentColor: '#7B1FA2', teamName: 'Lumen Care' })).status).toBe(200);
    // A first-time visitor's browser: the loader another page of this run fetched is not in its cache.
    const visitor = await launchChromium();
    try {
      const page = await visitor.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${stack.url.chat}/help-center/demo`);
      const launcher = page.getByRole('button', { name: 'Help (Lumen Care)', exact: true });
      await launcher.waitFor();
      expect(await styleOf(launcher, 'background-color')).toBe('rgb(123, 31, 162)');
      expect(requested.filter((path) => path.includes('settings') || path.includes('config'))).toEqual([]);
      await launcher.click();
      expect(await new HelpCenter(page).frameElement.getAttribute('title')).toBe('Help (Lumen Care)');
      await screenshot(page, '15-launcher-in-team-colour');
    } finally {
      await visitor.close();
      await patchAppearance({ accentColor: '#1a73e8', teamName: 'Support' });
    }
  });
});
