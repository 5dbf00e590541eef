import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, waitForEngine } from '../support/chromium';
import { EVERY_VIEW } from '../support/every-view';

/**
 * No internal name reaches the screen: every text a person reads or hears (text, accessible
 * names, titles, placeholders) in the dashboard's views, with every table alternative shown, is
 * free of status ids, column and table names, report ids and repository paths, and of sentences
 * run together. The notebooks and the SQL console are left out: SQL and its column names are
 * what they show. Excluded inside a view: code, and the short codes a user types in files.
 */
const INTERNAL_NAMES: readonly { what: string; pattern: RegExp }[] = [
  { what: 'a snake_case id (status, column or table)', pattern: /\b[a-z]+_[a-z0-9_]+\b/ },
  { what: 'a report id', pattern: /\b[a-z]+(?:-[a-z]+)*-(?:19|20)\d\d\b/ },
  { what: 'a repository path', pattern: /\b(?:src|data|shared|scripts|tests|notebooks)\/|\.(?:ts|svelte|sql)\b/ },
  { what: 'sentences run together', pattern: /[a-z]\.[A-Z][a-z]/ },
];
const DASHBOARD = EVERY_VIEW.filter((view) => !['notebooks', 'SQL console'].includes(view.name));

/** Runs in the page: every text node and spoken attribute outside code and file codes. */
const READ_TEXTS = `(() => {
  const texts = [];
  const skip = 'code, pre, textarea, script, style, [data-file-code]';
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent.trim();
      if (text) texts.push(text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || node.matches(skip)) return;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      const value = node.getAttribute(name);
      if (value) texts.push(value);
    }
    node.childNodes.forEach(walk);
  };
  walk(document.body);
  document.title && texts.push(document.title);
  return texts;
})()`;

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Every internal name on the page, said as what it is and where. */
async function internalNames(page: Page): Promise<string[]> {
  const texts = (await page.evaluate(READ_TEXTS)) as string[];
  return INTERNAL_NAMES.flatMap(({ what, pattern }) =>
    [...new Set(texts.filter((text) => pattern.test(text)))].map((text) => `${what}: "${text.slice(0, 120)}"`),
  );
}

describe('words for people', () => {
  it.each(DASHBOARD)('$name shows no internal names', async ({ path, ready }) => {
    const page = await browser.newPage();
    try {
      await page.goto(new URL(path, baseUrl).href);
      await page.waitForSelector(ready, { timeout: 60_000 });
      await waitForEngine(page);
      const showTable = page.getByRole('button', { name: 'Show as table' });
      while ((await showTable.count()) > 0) await showTable.first().click();
      expect(await internalNames(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  /**
   * The Data view with a reference file and a tracker with problems and warnings under review
   * (how their columns were read, each problem, the first rows), then once they load (the
   * warnings, what is loaded): named in the files' own words. The files name the inspection by
   * its title, as most trackers do; what a user typed is left out as a file code.
   */
  it('the Data view, reviewing and then loading a reference file and a tracker with problems, shows no internal names', async () => {
    const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));
    const { page, context } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.getByTestId('file-input').setInputFiles([
        fixture('trackers/humberside-firearms-problems.csv'), fixture('trackers/firearms-added-recommendation.csv')]);
      const report = page.getByTestId('validation-report');
      await report.waitFor({ timeout: 60_000 });
      // Every kind the tracker holds is on screen: an unknown reference, inspection and status word, and the warnings.
      await expect.poll(() => report.getByTestId('problem-value').count(), { timeout: 30_000 }).toBe(3);
      expect(await report.getByTestId('problems').count()).toBe(6);
      expect(await internalNames(page)).toEqual([]);

      await page.getByTestId('load-valid').click();
      await expect.poll(() => page.getByTestId('data-status').textContent(), { timeout: 60_000 }).toContain('Loaded');
      await page.getByTestId('load-warnings').waitFor();
      expect(await internalNames(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
