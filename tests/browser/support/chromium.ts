import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium tries Google's hosts on this closed network.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Uncaught errors and console errors, so a broken page fails its test. */
  errors: string[];
}

/**
 * Opens the app at `path` in a fresh context and waits for the national view to be drawn;
 * `initScript` runs in the page before the app's own scripts.
 */
export async function openApp(browser: Browser, baseUrl: string, path = '', initScript?: () => void): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(new URL(path, baseUrl).href);
  await waitForNationalView(page);
  await waitForEngine(page);
  return { context, page, requests, errors };
}

export async function waitForNationalView(page: Page, asOf?: string): Promise<void> {
  const selector = asOf ? `section.view[data-ready="true"][data-asof="${asOf}"]` : 'section.view[data-ready="true"]';
  await page.waitForSelector(selector, { timeout: 30_000 });
}

/** The first view may draw from the build-time snapshot; this waits until the engine holds the data. */
export async function waitForEngine(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('oversight:data-loaded').length > 0, null, {
    timeout: 30_000,
  });
}
