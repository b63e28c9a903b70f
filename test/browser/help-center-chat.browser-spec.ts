import { randomUUID } from 'node:crypto';
import { Page } from 'playwright-core';
import { ChatClient } from '../../apps/chat/test/chat-under-test';
import { startStack, Stack } from '../support/stack';
import { availableAgent } from './support/agent';
import { Browser, launchChromium, screenshot, seriousAccessibilityViolations } from './support/chromium';
import { HelpCenter } from './support/help-center';

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

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ env: { CHAT_AI_AGENT: 'builtin' } }), launchChromium()]);
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await stack?.cleanUp();
  });

  it('(1) answers from the knowledge base, opens the article, hands over to a person, survives a reload and a second tab, and takes a rating', async () => {
    agent = await availableAgent(stack, 'Grace Hopper');
    const page = await browser.newPage();
    await page.goto(`${stack.url.chat}/help-center/demo`);
    await screenshot(page, '01-demo-site');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const helpCenter = new HelpCenter(page);
    await helpCenter.open();
    await helpCenter.panel.getByText('Hi! How can we help?').waitFor();
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
});
