import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp } from '../support/chromium';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Types a date, day first, into the as-of field and commits it (Enter), as a person would. */
async function typeDate(page: Page, dayFirst: string): Promise<void> {
  const field = page.getByTestId('asof');
  await field.fill(dayFirst);
  await field.press('Enter');
}

/**
 * Holds every message to the engine's worker while `window.holdEngine` is true, and sends them
 * when `window.releaseEngine()` is called: a slow engine, on demand.
 */
function slowEngineOnDemand() {
  const held: (() => void)[] = [];
  const w = window as unknown as { holdEngine: boolean; releaseEngine: () => void };
  w.holdEngine = false;
  w.releaseEngine = () => {
    w.holdEngine = false;
    for (const send of held.splice(0)) send();
  };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    const send = () => (post as (...a: unknown[]) => void).apply(this, args);
    if (w.holdEngine) held.push(send);
    else send();
  } as typeof Worker.prototype.postMessage;
}

describe('the query coordinator in the page', () => {
  it('runs nothing for a half-typed or impossible date, and makes one history entry per date given', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl);
    try {
      const entries = await page.evaluate(() => history.length);
      const shown = await page.locator('section.view').getAttribute('data-filters-key');
      // The day-first field hands on only complete, valid dates within the data's range.
      await page.getByTestId('asof').fill('31/03/20');
      for (const typed of ['31/03/0202', '31/02/2024']) {
        await typeDate(page, typed);
        expect(await page.getByTestId('asof').getAttribute('aria-invalid')).toBe('true');
      }
      // Nothing reached the address, so nothing ran: the figures on show are the ones before.
      expect(new URL(page.url()).searchParams.get('asof')).toBeNull();
      expect(await page.locator('section.view').getAttribute('data-filters-key')).toBe(shown);
      expect(await page.evaluate(() => history.length)).toBe(entries);

      // Each complete date is a settled change: an entry of its own.
      await typeDate(page, '31/03/2024');
      await page.waitForSelector('section.view[data-asof="2024-03-31"]', { timeout: 30_000 });
      expect(await page.evaluate(() => history.length)).toBe(entries + 1);
      await typeDate(page, '30/03/2024');
      await page.waitForSelector('section.view[data-asof="2024-03-30"]', { timeout: 30_000 });
      expect(await page.evaluate(() => history.length)).toBe(entries + 2);

      await page.locator('select[name="region"]').focus();
      await page.locator('select[name="region"]').selectOption('Wales');
      await page.waitForSelector('section.view[data-filters-key*="\\"region\\":\\"Wales\\""]', { timeout: 30_000 });
      expect(await page.evaluate(() => history.length)).toBe(entries + 3);
      await page.goBack();
      await page.waitForSelector('section.view[data-asof="2024-03-30"][data-filters-key*="\\"region\\":null"]', { timeout: 30_000 });
      await page.goBack();
      await page.waitForSelector('section.view[data-asof="2024-03-31"]', { timeout: 30_000 });
      await page.goBack();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('asof') === null);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('marks the parts still computing after a moment, and clears the mark when their figures arrive', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '', slowEngineOnDemand);
    try {
      expect(await page.locator('.updating-part[aria-busy="true"]').count()).toBe(0);
      await page.evaluate(() => ((window as unknown as { holdEngine: boolean }).holdEngine = true));
      await page.locator('select[name="region"]').selectOption('London');
      // The headline and the overdue list narrow to the region; the engine is held, so they wait.
      await page.waitForSelector('.updating-part[aria-busy="true"] .headline', { timeout: 30_000 });
      await expect.poll(() => page.locator('.updating-cue').first().isVisible()).toBe(true);
      expect(await page.locator('section.view').getAttribute('aria-busy')).toBe('true');
      expect(await page.getByRole('status').filter({ hasText: 'Updating the figures' }).count()).toBe(1);
      // The tile map shows every force whatever the region: it is not marked.
      expect(await page.locator('.updating-part:has(.tile)').getAttribute('aria-busy')).toBe('false');

      await page.evaluate(() => (window as unknown as { releaseEngine: () => void }).releaseEngine());
      await page.waitForSelector('section.view[aria-busy="false"][data-filters-key*="\\"region\\":\\"London\\""]', { timeout: 30_000 });
      expect(await page.locator('.updating-part[aria-busy="true"]').count()).toBe(0);
      expect(await page.locator('.updating-cue').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('says the engine could not start instead of showing figures', async () => {
    const context = await browser.newContext();
    // No worker can start, so neither can the engine.
    await context.addInitScript(() => {
      window.Worker = class {
        constructor() {
          throw new Error('workers are disabled in this browser');
        }
      } as unknown as typeof Worker;
    });
    const page = await context.newPage();
    try {
      await page.goto(baseUrl);
      const alert = page.getByRole('alert').filter({ hasText: 'Oversight could not start' });
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain('workers are disabled');
      expect(await page.locator('section.view .headline').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
