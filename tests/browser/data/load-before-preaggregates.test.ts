import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import Papa from 'papaparse';
import { launchChromium, openApp, waitForNationalView } from '../support/chromium';

/**
 * Issue 17, item 3, in Chromium: after a load the national view shows the new figures while the
 * pre-aggregates are still being built (from the plain SQL, then from their per-force counts), and
 * the same figures once they are.
 * What the page showed is recorded as it changed, with the page's own word on the pre-aggregates
 * (main's data-preaggregates), so nothing here depends on how long anything takes.
 */
let browser: Browser;
const baseUrl = inject('baseUrl');
const POLL = { timeout: 240_000 };
const scratch = mkdtempSync(join(tmpdir(), 'oversight-load-before-preagg-'));
const bigCsv = join(scratch, 'tracker.csv');

beforeAll(async () => {
  browser = await launchChromium();
  // Big enough that reading and checking it outlasts a click to the national view.
  writeFileSync(bigCsv, trackerCsv(80_000));
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Records each (pre-aggregates, headline) pair the page shows, in order. */
function recordShown(): void {
  const shown: { state: string | null; headline: string | null }[] = [];
  (window as unknown as { shown: typeof shown }).shown = shown;
  const record = () => {
    const state = document.querySelector('main')?.getAttribute('data-preaggregates') ?? null;
    const headline = document.querySelector('[data-testid="headline-compliance"]')?.textContent ?? null;
    const last = shown.at(-1);
    if (!last || last.state !== state || last.headline !== headline) shown.push({ state, headline });
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

describe('a load that does not wait for its pre-aggregates', () => {
  it('shows the new figures while the pre-aggregates are built, and the same figures once they are', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '', recordShown);
    try {
      const demo = await page.getByTestId('headline-compliance').textContent();
      expect(await page.locator('main').getAttribute('data-preaggregates')).toBe('built');
      await page.getByRole('link', { name: 'Data', exact: true }).click();
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await page.getByTestId('file-input').setInputFiles(bigCsv);
      await expect.poll(() => page.getByTestId('data-status').textContent(), POLL).toMatch(/Reading|Checking/);
      await page.getByRole('link', { name: 'National picture' }).click();
      await waitForNationalView(page);

      // The load commits, the view answers, the build runs and ends.
      const shown = () => page.evaluate(() => (window as unknown as { shown: { state: string | null; headline: string | null }[] }).shown);
      await expect.poll(async () => (await shown()).some((s) => s.state === 'building'), POLL).toBe(true);
      await expect.poll(() => page.locator('main').getAttribute('data-preaggregates'), POLL).toBe('built');
      await waitForNationalView(page);
      const after = await page.getByTestId('headline-compliance').textContent();
      expect(after).not.toBe(demo);
      const whileBuilding = (await shown()).filter((s) => s.state === 'building' && s.headline !== null).map((s) => s.headline);
      expect(whileBuilding).toContain(after);
      // Between the two stages the figures read the per-force counts: the same headline.
      const onCounts = (await shown()).filter((s) => s.state === 'counts').map((s) => s.headline);
      expect(onCounts.length).toBeGreaterThan(0);
      expect(new Set(onCounts)).toEqual(new Set([after]));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);

  it('puts saved data back at start-up without waiting for its pre-aggregates, and shows the same figures once built', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '', recordShown);
    try {
      await page.getByRole('link', { name: 'Data', exact: true }).click();
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await page.getByTestId('file-input').setInputFiles(bigCsv);
      await expect.poll(() => page.getByTestId('data-status').textContent(), POLL).toMatch(/Saved in this browser\./);
      await page.getByRole('link', { name: 'National picture' }).click();
      await waitForNationalView(page);
      const saved = await page.getByTestId('headline-compliance').textContent();

      // A new visit: the saved summary draws first, the engine takes the saved statuses, the views
      // answer from the plain SQL while the pre-aggregates are built, then from them.
      await page.reload();
      await waitForNationalView(page);
      const shown = () => page.evaluate(() => (window as unknown as { shown: { state: string | null; headline: string | null }[] }).shown);
      await expect.poll(async () => (await shown()).some((s) => s.state === 'building'), POLL).toBe(true);
      await expect.poll(() => page.locator('main').getAttribute('data-preaggregates'), POLL).toBe('built');
      await waitForNationalView(page);
      expect(await page.getByTestId('headline-compliance').textContent()).toBe(saved);
      const whileBuilding = (await shown()).filter((s) => ['building', 'counts'].includes(s.state ?? '') && s.headline !== null).map((s) => s.headline);
      expect(new Set(whileBuilding)).toEqual(new Set([saved]));
      expect((await shown()).some((s) => s.state === 'counts')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 300_000);
});

const shipped = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(new URL(`../../../data/${name}`, import.meta.url), 'utf8'), { header: true, skipEmptyLines: true }).data;

/**
 * A national tracker as a force lead would keep it: every force's updates on every forces'
 * recommendation of the reports out by mid-2024, weekly from July 2024, moving from not
 * started through in progress to complete, each update with a note. Every row valid, so the load
 * goes in at once.
 */
function trackerCsv(rows: number): string {
  const published = new Map(shipped('inspections.csv').map((i) => [i.inspection_id!, i.published!]));
  const recs = shipped('recommendations.csv').filter((r) => r.for_forces === 'true' && published.get(r.inspection_id!)! <= '2024-06-30');
  const forces = shipped('forces.csv').map((f) => f.name!);
  const weeks = Math.ceil(rows / (recs.length * forces.length));
  const lines = ['Force,Inspection,Rec,Status,Date,Evidence'];
  forces.forEach((force, f) => recs.forEach((rec, r) => {
    const startedAfter = (f + r) % 7;
    const doneAfter = startedAfter + 3 + ((f * 3 + r) % (weeks - 3));
    for (let w = 0; w < weeks; w += 1) {
      const day = new Date(Date.UTC(2024, 6, 1) + w * 7 * 86_400_000).toISOString().slice(0, 10);
      const status = w < startedAfter ? 'Not started' : w < doneAfter ? 'In progress' : 'Complete';
      lines.push(`${force},${rec.inspection_id},R${rec.rec_no},${status},${day},Week ${w + 1} review by the force lead`);
    }
  }));
  return lines.join('\n') + '\n';
}
