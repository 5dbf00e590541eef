import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp } from '../support/chromium';
import { axeViolations } from '../support/axe-check';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const notebookReady = (page: Page, id: string) =>
  page.waitForSelector(`section.notebooks-view[data-ready="true"][data-notebook="${id}"]`, { timeout: 30_000 });

describe('notebooks view', () => {
  it("shows a shipped notebook's prose, tables and charts, and asks only its own origin", async () => {
    const { page, context, errors, requests } = await openApp(browser, baseUrl, '?view=notebooks&nb=overdue-by-recommendation');
    try {
      await notebookReady(page, 'overdue-by-recommendation');
      const view = page.locator('section.notebooks-view');
      await expect(view.locator('h3').first().textContent()).resolves.toBe('Which recommendations are most often overdue?');
      // The visible query's table has rows; the hidden one shows no table.
      const table = view.locator('[data-block="overdue_by_rec"] table');
      await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThan(0);
      await expect(view.locator('[data-block="pair_status"] table').count()).resolves.toBe(0);
      // Its chart is drawn in the app's chart frame, with the source line and a table alternative.
      const chart = view.locator('[data-chart="notebook-overdue-by-recommendation-chart-1"]');
      await expect(chart.locator('svg g[aria-label="bar"] rect').count()).resolves.toBe(await table.locator('tbody tr').count());
      await expect(chart.locator('.source').textContent()).resolves.toContain('Illustrative statuses');
      const origin = new URL(baseUrl).origin;
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(errors).toEqual([]);

      await chart.getByRole('button', { name: 'Show as table' }).click();
      await expect(chart.locator('table tbody tr').count()).resolves.toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('reruns when a filter changes, and a chosen parameter changes the answer', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=notebooks&nb=force-on-time-vs-region');
    try {
      await notebookReady(page, 'force-on-time-vs-region');
      const chosen = page.locator('[data-block="chosen"] tbody');
      await expect(chosen.textContent()).resolves.toContain('West Midlands');
      await page.locator('form[aria-label="Notebook parameters"] select[name="force"]').selectOption('cheshire');
      await page.waitForFunction(() => document.querySelector('[data-block="chosen"] tbody')?.textContent?.includes('Cheshire'));
      await expect(page.locator('[data-chart="notebook-force-on-time-vs-region-chart-1"] [data-testid="subtitle"]').textContent()).resolves.toContain('Force: Cheshire');

      await page.getByTestId('asof').fill('2024-03-31');
      await page.getByTestId('asof').dispatchEvent('change');
      await page.waitForFunction(() => document.querySelector('[data-chart="notebook-force-on-time-vs-region-chart-1"] [data-testid="subtitle"]')?.textContent?.includes('31 March 2024'));
      await notebookReady(page, 'force-on-time-vs-region');
    } finally {
      await context.close();
    }
  });

  it('edits a notebook in the page and shows text from it as text, never as markup', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=notebooks&nb=time-to-complete-by-inspection');
    try {
      await notebookReady(page, 'time-to-complete-by-inspection');
      await page.getByRole('button', { name: 'Edit' }).click();
      const hostile = [
        '# Mine <img src=x onerror="window.__pwned=1">',
        '',
        '<script>window.__pwned = 2</script>',
        '',
        '```sql name=mine',
        "SELECT '<img src=x onerror=\"window.__pwned=3\">' AS cell, count(*) AS forces FROM forces",
        '```',
        '',
      ].join('\n');
      await page.getByTestId('notebook-source').fill(hostile);
      await page.getByRole('button', { name: 'Run the edited notebook' }).click();
      await page.waitForSelector('[data-block="mine"] tbody tr');
      await expect(page.locator('[data-block="mine"] tbody td').first().textContent()).resolves.toBe('<img src=x onerror="window.__pwned=3">');
      await expect(page.locator('.notebooks-view .prose').first().textContent()).resolves.toContain('<script>window.__pwned = 2</script>');
      await expect(page.locator('.notebooks-view .prose img, .notebooks-view .prose script').count()).resolves.toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(page.locator('.notebook-list').textContent()).resolves.toContain('edited');

      // Download gives back the edited text.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download .*\.md$/ }).click()]);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(hostile);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a notebook from disk and lists it', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=notebooks');
    try {
      await page.waitForSelector('section.notebooks-view[data-ready="true"]');
      const mine = '# Forces per region\n\n```sql name=per_region\nSELECT region, count(*) AS forces FROM forces GROUP BY region ORDER BY region\n```\n\n```chart\nmark: barX\nx: forces\ny: region\n```\n';
      await page.getByTestId('open-notebook').setInputFiles({ name: 'per-region.md', mimeType: 'text/markdown', buffer: Buffer.from(mine) });
      // A notebook from disk asks before its first run (issue 15).
      await page.getByTestId('notebook-allow').click();
      await notebookReady(page, 'per-region');
      await expect(page.locator('[data-block="per_region"] tbody tr').count()).resolves.toBe(10);
      await expect(page.locator('[data-chart="notebook-per-region-chart-1"] svg g[aria-label="bar"] rect').count()).resolves.toBe(10);
      await expect(page.locator('.notebook-list').textContent()).resolves.toContain('per-region.md · from your disk');
    } finally {
      await context.close();
    }
  });

  it('has no axe-core violations, its SQL and chart tables open too', async () => {
    // axe is injected as a script tag, which the app's CSP would rightly refuse.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=notebooks&nb=force-on-time-vs-region', baseUrl).href);
      await notebookReady(page, 'force-on-time-vs-region');
      expect(await axeViolations(page)).toEqual([]);
      for (const summary of await page.locator('.sql-block summary').all()) await summary.click();
      const showTable = page.getByRole('button', { name: 'Show as table' });
      while ((await showTable.count()) > 0) await showTable.first().click();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
