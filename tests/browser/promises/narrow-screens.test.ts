import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, waitForEngine } from '../support/chromium';
import { EVERY_VIEW } from '../support/every-view';

/**
 * Phones count: on a 390 × 844 phone, and at 400 % zoom of a 1280 px window (320 CSS px wide),
 * no view scrolls sideways, with its charts drawn and with every table alternative shown. Wide
 * content (the inspection matrix, long tables) may scroll inside its own frame, never the page.
 */
let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** How far the page reaches past the window's right edge, in CSS pixels (0 = no sideways scroll). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Every chart near the viewport draws lazily: scroll through the page so they all draw. */
async function drawEverything(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('narrow screens', () => {
  it.each(EVERY_VIEW)('$name fits 390 px and 320 px without sideways scrolling', async ({ path, ready }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await page.goto(new URL(path, baseUrl).href);
      await page.waitForSelector(ready, { timeout: 60_000 });
      await waitForEngine(page);
      await drawEverything(page);
      expect(await overflow(page)).toBe(0);
      const showTable = page.getByRole('button', { name: 'Show as table' });
      while ((await showTable.count()) > 0) await showTable.first().click();
      expect(await overflow(page)).toBe(0);
      await page.setViewportSize({ width: 320, height: 256 });
      await drawEverything(page);
      expect(await overflow(page)).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
