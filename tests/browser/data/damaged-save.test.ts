import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, waitForNationalView } from '../support/chromium';

/**
 * Issue 15: a truncated status file in the browser's storage gave "Catalog Error: Table with name
 * ingest_restore does not exist!", and an unreadable list of loads silently showed the demo.
 */
let browser: Browser;
const baseUrl = inject('baseUrl');
const POLL = { timeout: 60_000 };

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a damaged save', () => {
  it.each([
    ['status_updates-0.arrows', 'the saved status updates'],
    ['loads.json', 'the list of files you loaded'],
  ])('(%s cut short) is named on the first view, the demo is shown, and it can be forgotten', async (file, part) => {
    const { page, context } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.waitForSelector('section.data-view[data-ready="true"]', POLL);
      await page.getByTestId('file-input').setInputFiles({
        name: 'long.csv', mimeType: 'text/csv', buffer: readFileSync('tests/fixtures/valid/long.csv'),
      });
      await expect.poll(() => page.getByTestId('data-status').textContent(), POLL).toMatch(/Saved in this browser\./);
      // Cut the saved file in half, as a crash or a full disk would.
      await page.evaluate(async (name) => {
        const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('oversight');
        const handle = await folder.getFileHandle(name);
        const bytes = await (await handle.getFile()).arrayBuffer();
        const writable = await handle.createWritable();
        await writable.write(bytes.slice(0, Math.floor(bytes.byteLength / 2)));
        await writable.close();
      }, file);

      await page.goto(baseUrl);
      await waitForNationalView(page);
      const notice = page.getByTestId('damaged-save');
      await expect.poll(() => notice.textContent(), POLL).toContain(`${part} could not be read, so none of it was restored. The demo data is shown instead.`);
      // The engine's words only behind the disclosure, closed.
      expect(await notice.locator('p').first().textContent()).not.toMatch(/Error|ingest_restore/);
      expect(await notice.locator('details').getAttribute('open')).toBeNull();
      await page.getByTestId('forget-damaged-save').click();
      await expect.poll(() => notice.count(), POLL).toBe(0);

      await page.reload();
      await waitForNationalView(page);
      await page.waitForFunction(() => performance.getEntriesByName('oversight:data-loaded').length > 0, null, POLL);
      expect(await notice.count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 300_000);
});
