import { Locator, Page } from 'playwright-core';

/** The agent console as an agent meets it: sign-in, the header's controls, the queue and the chats side by side. */
export class Console {
  constructor(readonly page: Page) {}

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async setStatus(status: 'Available' | 'Away'): Promise<void> {
    await this.page.getByLabel('Your status').selectOption({ label: status });
    await this.page.locator('.dot').getByText(status).waitFor();
  }

  /** The queue's entry whose preview is the visitor's last words. */
  queued(preview: string): Locator {
    return this.page.locator('.queue li').filter({ hasText: preview });
  }

  /** The pane of a chat with the visitor of that name (or "Visitor" while anonymous). */
  chat(visitorName: string): Locator {
    return this.page.getByRole('article', { name: `Chat with ${visitorName}` });
  }
}
