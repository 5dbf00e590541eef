import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForEngine } from '../support/chromium';
import { axeViolations } from '../support/axe-check';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every view a user can reach, and the embed route; each must have zero axe-core violations. */
const PAGES = [
  { name: 'national view', path: '', ready: 'section.view[data-ready="true"]' },
  { name: 'national view, a region, pending counted', path: '?region=Wales&pending=1', ready: 'section.view[data-ready="true"]' },
  { name: 'accessibility statement', path: '?view=accessibility', ready: 'article.statement' },
  { name: 'embed route', path: '?embed=force-ranking', ready: 'main.embed[data-ready="true"]' },
];

describe('accessibility (axe-core, WCAG 2.2 AA rules)', () => {
  it.each(PAGES)('$name has no violations, with its tables shown too', async ({ path, ready }) => {
    // axe is injected as a script tag, which the app's CSP would rightly refuse.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(new URL(path, baseUrl).href);
      await page.waitForSelector(ready, { timeout: 30_000 });
      await waitForEngine(page);
      const run = () => axeViolations(page);
      expect(await run()).toEqual([]);
      // The table alternatives too.
      const showTable = page.getByRole('button', { name: 'Show as table' });
      while ((await showTable.count()) > 0) await showTable.first().click();
      expect(await run()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
