import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, type AppPage } from '../support/chromium';

/**
 * The keyboard path on the national view: a skip link straight to the charts, and the 43 tiles
 * as one tab stop with arrow keys inside, so the first chart's buttons are a few presses away.
 */
let browser: Browser;
let app: AppPage;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser, baseUrl);
}, 120_000);
afterAll(async () => {
  await app?.context.close();
  await browser?.close();
});

/** Accessible name (or text) and data-force of the focused element. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      name: element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '',
      force: element?.getAttribute('data-force') ?? null,
      id: element?.id ?? '',
    };
  });

describe('keyboard path', () => {
  it('skips to the charts, then reaches the first chart’s buttons past the 43 tiles in a few presses', async () => {
    const { page } = app;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Skip to the charts');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('charts');

    const stops: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      stops.push(now.force ?? now.name);
      if (now.name === 'Show as table') break;
    }
    // The measure's radio buttons, one tile, then the tile map's own buttons.
    expect(stops.at(-1)).toBe('Show as table');
    expect(stops.filter((stop) => /^[a-z-]+$/.test(stop) && stop !== 'Show as table')).toHaveLength(1);
    expect(stops.length).toBeLessThanOrEqual(4);
  });

  it('moves between tiles with the arrow keys and selects one with Enter', async () => {
    const { page } = app;
    await page.locator('.tile[data-force="northumbria"]').focus();
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).force).toBe('durham');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).force).toBe('cleveland');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.tile[data-force="cleveland"]').getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
    // The selected tile is now the one tab stop.
    const stops = await page.locator('.tile[tabindex="0"]').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-force')));
    expect(stops).toEqual(['cleveland']);
  });
});
