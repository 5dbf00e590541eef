import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp } from '../support/chromium';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    /** Plot drawings swapped into each chart frame since the page loaded, by chart id. */
    drawsByChart: Record<string, number>;
    /** Idle callbacks the page asked for, held back until the test runs them. */
    heldIdleCallbacks: IdleRequestCallback[];
  }
}

/**
 * Before any page script: count every drawing swapped into a chart's .plot, and hold back idle
 * callbacks, as on a page that is never idle, so that only nearness or printing draws a chart
 * until the test lets the idle work run.
 */
function countDrawsAndHoldIdleWork(): void {
  window.drawsByChart = {};
  window.heldIdleCallbacks = [];
  window.requestIdleCallback = (callback: IdleRequestCallback) => window.heldIdleCallbacks.push(callback);
  new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target as Element;
      if (record.addedNodes.length === 0 || !target.classList?.contains('plot')) continue;
      const id = target.closest('[data-chart]')?.getAttribute('data-chart') ?? '?';
      window.drawsByChart[id] = (window.drawsByChart[id] ?? 0) + 1;
    }
  }).observe(document, { childList: true, subtree: true });
}

const draws = (page: Page) => page.evaluate(() => ({ ...window.drawsByChart }));

/** Runs the held idle work, and whatever it asks for next, until none is left. */
function runIdleWork(page: Page): Promise<number> {
  return page.evaluate(() => {
    let ran = 0;
    while (window.heldIdleCallbacks.length > 0) {
      const callback = window.heldIdleCallbacks.shift()!;
      callback({ didTimeout: false, timeRemaining: () => 50 });
      ran += 1;
    }
    return ran;
  });
}

const plotText = (page: Page, chart: string) => page.locator(`[data-chart="${chart}"] .plot`).textContent();
const subtitle = (page: Page, chart: string) => page.locator(`[data-chart="${chart}"] [data-testid="subtitle"]`).textContent();

describe('drawing only what changed and what shows', () => {
  it('draws a far chart when scrolled to, exports it current before that, and never redraws an unchanged chart', async () => {
    const app = await openApp(browser, baseUrl, '', countDrawsAndHoldIdleWork);
    const { page } = app;
    try {
      // The overdue trend is the last chart, more than a screen below the viewport (else this test proves nothing).
      const screens = await page.evaluate(() => document.querySelector('[data-chart="overdue-trend"]')!.getBoundingClientRect().top / innerHeight);
      expect(screens).toBeGreaterThan(2);

      // At load: the chart on screen drew once, and not again when the engine took over from the
      // snapshot with the same figures; the far chart has not drawn at all.
      expect((await draws(page))['force-ranking']).toBe(1);
      expect((await draws(page))['overdue-trend']).toBeUndefined();

      // Sorting the overdue list changes no chart: none draws, near or far, now or when idle.
      const deadline = page.locator('[data-testid="overdue-list"] th', { hasText: 'Deadline' });
      const sortBy = async (order: string) => {
        await deadline.getByRole('button').dispatchEvent('click');
        await expect.poll(() => deadline.getAttribute('aria-sort'), { timeout: 30_000 }).toBe(order);
      };
      const atLoad = await draws(page);
      await sortBy('descending');
      expect(await draws(page)).toEqual(atLoad);
      // The idle work draws only the charts not drawn yet (far from the screen all along), each once.
      await runIdleWork(page);
      const idle = await draws(page);
      for (const [chart, count] of Object.entries(atLoad)) expect(idle[chart], chart).toBe(count);
      expect(idle['overdue-trend']).toBe(1);
      await sortBy('ascending');
      await runIdleWork(page);
      expect(await draws(page)).toEqual(idle);

      // Select Kent on the tile map: every frame's words change at once, the near charts draw, the far one waits.
      await page.locator('.tile[data-force="kent"]').click();
      await page.waitForSelector(`section.view[data-filters-key*='"force":"kent"']`, { timeout: 30_000 });
      expect((await draws(page))['force-ranking']).toBe(2);
      await expect(plotText(page, 'force-ranking')).resolves.toContain('selected');
      await expect(subtitle(page, 'overdue-trend')).resolves.toContain('Kent selected');
      expect((await draws(page))['overdue-trend']).toBe(1);
      await expect(plotText(page, 'overdue-trend')).resolves.not.toContain('Kent');

      // Its SVG download, clicked without scrolling to it, is built from the current figures.
      const frame = page.locator('[data-chart="overdue-trend"]');
      const [file] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download SVG' }).dispatchEvent('click')]);
      const svg = readFileSync((await file.path())!, 'utf8');
      expect(svg).toContain('Kent selected');
      // Kent's line, each point titled "Kent, <date>: <n> overdue".
      expect(svg).toMatch(/<title>Kent, [^<]+ overdue<\/title>/);
      expect((await draws(page))['overdue-trend']).toBe(1);

      // Scrolled to, it draws again, with Kent's line.
      await frame.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => window.drawsByChart['overdue-trend'] === 2, null, { timeout: 10_000 });
      await expect(plotText(page, 'overdue-trend')).resolves.toContain('Kent');

      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });

  it('draws every chart that missed a change when the browser is idle, and all of them before printing', async () => {
    const app = await openApp(browser, baseUrl, '', countDrawsAndHoldIdleWork);
    const { page } = app;
    try {
      const charts = await page.locator('.plot').evaluateAll((plots) => plots.map((p) => p.closest('[data-chart]')!.getAttribute('data-chart')!));
      expect(charts).toHaveLength(6);

      // Idle: every chart not drawn at load draws now.
      await runIdleWork(page);
      const loaded = await draws(page);
      for (const chart of charts) expect(loaded[chart], chart).toBe(1);
      // Plot's style rules are in one element of the head, not one per drawing (each added or
      // removed style sheet restyles the whole page), and they still apply: a drawing is a block.
      expect(await page.locator('.chart-frame style, .tile-legend style').count()).toBe(0);
      expect(await page.locator('head style[data-from="plot"]').count()).toBe(1);
      expect(await page.locator('[data-chart="force-ranking"] .plot svg').first().evaluate((svg) => getComputedStyle(svg).display)).toBe('block');

      // A new date with no idle time: only the charts near the top draw; printing draws the rest.
      await page.getByTestId('asof').fill('2024-03-31');
      await page.getByTestId('asof').dispatchEvent('change');
      await page.waitForSelector('section.view[data-asof="2024-03-31"]', { timeout: 30_000 });
      const beforePrint = await draws(page);
      expect(beforePrint['force-ranking']).toBe(2);
      expect(beforePrint['overdue-trend']).toBe(1);
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      const printed = await draws(page);
      for (const chart of charts) expect(printed[chart], chart).toBe(2);
      expect(app.errors).toEqual([]);
    } finally {
      await app.context.close();
    }
  });
});
