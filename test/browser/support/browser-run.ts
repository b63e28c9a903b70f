import { startStack, Stack } from '../../support/stack';
import { TestRelay } from '../../support/test-relay';
import { Browser, launchChromium } from './chromium';

/** What a browser script runs against: the four services as processes, the SMTP relay they send through, Chromium. */
export interface BrowserRun {
  relay: TestRelay;
  stack: Stack;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the stack (with `env` over the relay settings) and Chromium side by side. */
export async function startBrowserRun(env: NodeJS.ProcessEnv = {}): Promise<BrowserRun> {
  const relay = await TestRelay.start();
  const [stack, browser] = await Promise.all([
    startStack({ env: { SMTP_RELAY_URL: relay.url, OUTBOUND_RETRY_BASE_MS: '500', ...env } }),
    launchChromium(),
  ]);
  return {
    relay,
    stack,
    browser,
    async close() {
      await browser.close();
      await stack.cleanUp();
      await relay.close();
    },
  };
}
