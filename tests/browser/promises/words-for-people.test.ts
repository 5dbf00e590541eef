import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, waitForEngine } from '../support/chromium';
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

describe('words for people', () => {
  it.each(DASHBOARD)('$name shows no internal names', async ({ path, ready }) => {
    const page = await browser.newPage();
    try {
      await page.goto(new URL(path, baseUrl).href);
      await page.waitForSelector(ready, { timeout: 60_000 });
      await waitForEngine(page);
      const showTable = page.getByRole('button', { name: 'Show as table' });
      while ((await showTable.count()) > 0) await showTable.first().click();
      const texts = (await page.evaluate(READ_TEXTS)) as string[];
      const found = INTERNAL_NAMES.flatMap(({ what, pattern }) =>
        [...new Set(texts.filter((text) => pattern.test(text)))].map((text) => `${what}: "${text.slice(0, 120)}"`),
      );
      expect(found).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
