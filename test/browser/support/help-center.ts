import { FrameLocator, Locator, Page } from 'playwright-core';

/** The help center as a visitor meets it on a host page: the launcher in its shadow root, the panel in its iframe. */
export class HelpCenter {
  constructor(readonly page: Page) {}

  get launcher(): Locator {
    return this.page.locator('helpgate-help-center button.launcher');
  }

  /** The unread announcements on the launcher. */
  get badge(): Locator {
    return this.page.locator('helpgate-help-center .badge');
  }

  get frameElement(): Locator {
    return this.page.locator('helpgate-help-center iframe');
  }

  get panel(): FrameLocator {
    return this.page.frameLocator('helpgate-help-center iframe');
  }

  /** The panel's frame, for what a locator cannot do (axe-core). */
  async frame() {
    const handle = await this.frameElement.elementHandle();
    const frame = await handle?.contentFrame();
    if (!frame) throw new Error('the panel has no frame yet');
    return frame;
  }

  async open(): Promise<void> {
    await this.launcher.click();
    await this.panel.getByRole('tablist').waitFor();
  }

  async tab(name: string): Promise<void> {
    await this.panel.getByRole('tab', { name }).click();
  }

  /** Signs a portal customer in through the panel's account tab. */
  async signIn(email: string, password: string, name: string): Promise<void> {
    await this.tab('My account');
    await this.panel.getByLabel('Email').fill(email);
    await this.panel.getByLabel('Password').fill(password);
    await this.panel.getByRole('button', { name: 'Sign in' }).click();
    await this.panel.getByText(`Signed in as ${name}`).waitFor();
  }

  /** The chat's message list items, as the visitor sees them. */
  get messages(): Locator {
    return this.panel.locator('ol.messages > li');
  }

  async send(text: string): Promise<void> {
    await this.panel.getByLabel('Your message').fill(text);
    await this.panel.getByRole('button', { name: 'Send', exact: true }).click();
  }
}

/** A computed CSS property of the element (`font-family`, `background-color`), read in the page. */
export function styleOf(locator: Locator, property: string): Promise<string> {
  return locator.evaluate((element, name) => {
    // Runs in the page; this project's Node types have no DOM, so the little it uses is typed here.
    type View = { getComputedStyle(element: unknown): { getPropertyValue(name: string): string } };
    const view = (element as unknown as { ownerDocument: { defaultView: View } }).ownerDocument.defaultView;
    return view.getComputedStyle(element).getPropertyValue(name);
  }, property);
}
