import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Frame, Page } from 'playwright-core';

/** Debian's Chromium: the browser the tests drive, never a browser build downloaded by a tool. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs Debian's `chromium` package when the machine has no Chromium yet (the browser project's global setup). */
export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (${result.status}): install Chromium or set CHROMIUM_PATH`);
  }
  if (!existsSync(chromiumPath)) throw new Error(`apt-get installed chromium, but ${chromiumPath} is missing`);
}

export interface Browser {
  context: BrowserContext;
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium headless with a fresh profile of its own (removed at close), as a first-time visitor's browser. */
export async function launchChromium(options: { locale?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'helpgate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async newPage({ width, height } = {}) {
      const page = await context.newPage();
      if (width && height) await page.setViewportSize({ width, height });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const artifactsDir = join(__dirname, '..', '..', '..', 'test-artifacts', 'browser');

/** A screenshot of the step, kept under test-artifacts/browser/ (ignored by git). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core's violations of serious or critical impact in a page or frame, as `rule: help (targets)` lines. The engine
 * is evaluated through the DevTools protocol, which the panel's CSP (scripts from chat only) does not apply to.
 */
export async function seriousAccessibilityViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(axeSource);
  // A string, run in the page: this project's Node types have no DOM.
  const violations = (await target.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)",
  )) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')})`);
}
