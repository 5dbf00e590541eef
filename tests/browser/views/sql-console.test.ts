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

/** Runs a query and waits for its answer (the outcome counts finished runs). */
async function runQuery(page: Page, sql: string): Promise<void> {
  const before = Number(await page.locator('.query-outcome').getAttribute('data-runs'));
  await page.getByTestId('sql-input').fill(sql);
  await page.getByTestId('run-query').click();
  await page.waitForSelector(`.query-outcome[data-runs="${before + 1}"]`);
}

describe('SQL console', () => {
  it('runs a query and shows its rows, row count and time; lists the tables; keeps the history', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=sql');
    try {
      await expect(page.getByTestId('schema-tables').textContent()).resolves.toContain('status_updates');
      await runQuery(page, 'SELECT force_id, name FROM forces WHERE region = $region OR $region IS NULL ORDER BY name');
      await expect(page.getByTestId('row-count').textContent()).resolves.toMatch(/^43 rows in \d+ ms$/);
      await expect(page.locator('.console-main tbody tr').count()).resolves.toBe(43);
      await expect(page.getByTestId('query-history').textContent()).resolves.toContain('43 rows');

      // Quick chart from the result's columns.
      await runQuery(page, 'SELECT region, count(*)::INTEGER AS forces FROM forces GROUP BY region ORDER BY region');
      await expect(page.getByTestId('row-count').textContent()).resolves.toMatch(/^10 rows in/);
      await page.getByText('Quick chart of this result').click();
      await expect(page.locator('[data-chart="sql-console-quick-chart"] svg g[aria-label="bar"] rect').count()).resolves.toBe(10);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses a DELETE with a clear message, and the data is still there', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=sql');
    try {
      await runQuery(page, 'DELETE FROM status_updates');
      await expect(page.getByTestId('query-refused').textContent()).resolves.toContain('DELETE is refused: DELETE removes rows. Only statements that read the loaded tables run here.');
      await runQuery(page, "SELECT * FROM read_csv('https://example.org/x.csv')");
      await expect(page.getByTestId('query-refused').textContent()).resolves.toContain('read_csv() is refused');
      await runQuery(page, 'SELECT count(*) AS n FROM status_updates');
      await expect(page.getByTestId('row-count').textContent()).resolves.toMatch(/^1 row in/);
      expect(Number((await page.locator('.console-main tbody td').first().textContent())?.replace(/,/g, ''))).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it("shows DuckDB's syntax error as it is, with the line and the caret, in a <pre>", async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=sql');
    try {
      await runQuery(page, 'SELECT *\nFORM forces');
      const message = await page.locator('[data-testid="query-error"] pre').textContent();
      expect(message).toContain('Parser Error: syntax error at or near "forces"');
      expect(message).toMatch(/LINE 2: FORM forces\n\s+\^/);
    } finally {
      await context.close();
    }
  });

  it('shows text from the data as text', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=sql');
    try {
      await runQuery(page, `SELECT '<img src=x onerror="window.__pwned=1">' AS cell`);
      await expect(page.locator('.console-main tbody td').first().textContent()).resolves.toBe('<img src=x onerror="window.__pwned=1">');
      await expect(page.locator('.console-main tbody img').count()).resolves.toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('has no axe-core violations, with a result, its quick chart and an error on screen', async () => {
    // axe is injected as a script tag, which the app's CSP would rightly refuse.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=sql', baseUrl).href);
      await page.waitForSelector('section.sql-console[data-ready="true"]', { timeout: 30_000 });
      for (const summary of await page.locator('.schema-browser summary').all()) await summary.click();
      await runQuery(page, 'SELECT region, count(*)::INTEGER AS forces FROM forces GROUP BY region ORDER BY region');
      await page.getByText('Quick chart of this result').click();
      await page.waitForSelector('[data-chart="sql-console-quick-chart"] svg');
      expect(await axeViolations(page)).toEqual([]);
      await runQuery(page, 'SELECT *\nFORM forces');
      await page.waitForSelector('[data-testid="query-error"]');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
