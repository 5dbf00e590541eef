import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, waitForEngine } from '../support/chromium';
import { axeViolations } from '../support/axe-check';
import { openDemoData } from '../../sql/support/demo-data';
import type { Connector } from '../../../src/lib/db/connector';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { onTimeByRecommendation } from '../../../src/lib/metrics/national/on-time.sql';
import { formatPercent } from '../../../src/lib/charts/shared/format';
import { inspectionList } from '../../../src/lib/metrics/common/reference-lists.sql';

let browser: Browser;
let db: Connector;
let asOf: string;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  [browser, db] = await Promise.all([launchChromium(), openDemoData()]);
  asOf = (await dataExtent(db)).lastUpdate!;
});
afterAll(async () => {
  await browser?.close();
});

describe('inspection view', () => {
  it('shows the firearms report as a status matrix, completion curves and on-time rates', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=inspection&inspection=firearms-2023');
    try {
      await expect(page.locator('h2#inspection-title').textContent()).resolves.toContain('deployment of firearms');
      // 8 recommendations for forces × 43 forces, every force once, grouped under the ten regions.
      await expect(page.locator('[data-chart="status-matrix"] svg g[aria-label="cell"] rect').count()).resolves.toBe(8 * 43);
      const regionLabels = await page.locator('[data-chart="status-matrix"] svg g[aria-label="text"]').last().locator('text').allTextContents();
      expect(regionLabels).toEqual([
        'North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands',
        'East of England', 'London', 'South East', 'South West', 'Wales',
      ]);
      // One curve per recommendation, each with its deadline.
      await expect(page.locator('[data-chart="completion-curves"] svg g[aria-label="line"] path').count()).resolves.toBe(8);

      // Checked before a table is shown: hiding a chart redraws it at width 0 in ChartFrame (reported).
      expect(errors).toEqual([]);

      // The on-time rates agree with the SQL under Node.
      const expected = await onTimeByRecommendation(db, defaultFilters(asOf), 'firearms-2023');
      const onTime = page.locator('[data-chart="on-time-rate"]');
      await onTime.getByRole('button', { name: 'Show as table' }).click();
      const shown = await onTime.locator('tbody tr td:nth-child(7)').allTextContents();
      expect(shown).toEqual(expected.map((r) => formatPercent(r.on_time_rate)));

      // Responses: West Mercia's on day 56; Cheshire's date is not known.
      await expect(page.locator('tr[data-force="west-mercia"] .response-state').textContent()).resolves.toBe('On time (day 56)');
      await expect(page.locator('tr[data-force="cheshire"] .response-state').textContent()).resolves.toBe('Published; date not known');

      // Sorting is kept in the address.
      await page.getByTestId('matrix-sort').selectOption('complete');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'complete');
      await page.waitForFunction(() =>
        document.querySelector('[data-chart="status-matrix"] [data-testid="subtitle"]')?.textContent?.includes('most complete first'),
      );
    } finally {
      await context.close();
    }
  });

  it('keeps the report on show, named, while another is computed, and updates its charts in place', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=inspection&inspection=firearms-2023');
    try {
      await page.waitForSelector('section.inspection-view[data-ready="true"][data-inspection="firearms-2023"]', { timeout: 30_000 });
      const titles = new Map((await inspectionList(db)).map((listed) => [listed.inspection_id, listed.title]));
      const matrix = (await page.$('[data-chart="status-matrix"]'))!;
      // Every change to the page from here on: the heading, the report whose figures are on show,
      // and whether its matrix is on the page.
      await page.evaluate(() => {
        const seen: { heading: string; shown: string; matrix: boolean }[] = [];
        (globalThis as unknown as { seen: typeof seen }).seen = seen;
        new MutationObserver(() => {
          seen.push({
            heading: document.querySelector('h2#inspection-title')?.textContent ?? '',
            shown: document.querySelector('section.inspection-view')?.getAttribute('data-inspection') ?? '',
            matrix: document.querySelector('[data-chart="status-matrix"]') !== null,
          });
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.getByTestId('inspection-select').selectOption('disproportionality-2021');
      await page.waitForSelector('section.inspection-view[data-ready="true"][data-inspection="disproportionality-2021"]', { timeout: 30_000 });
      const seen = await page.evaluate(() => (globalThis as unknown as { seen: { heading: string; shown: string; matrix: boolean }[] }).seen);
      expect(seen.length).toBeGreaterThan(0);
      // Emptied while the new report was computed, the page lost its charts and built them again.
      for (const moment of seen) {
        expect(moment.matrix).toBe(true);
        expect(moment.heading).toBe(titles.get(moment.shown));
      }
      await expect(matrix.evaluate((frame) => frame.isConnected)).resolves.toBe(true);
      // Four recommendations for forces × 43 forces.
      await page.waitForFunction(() => document.querySelectorAll('[data-chart="status-matrix"] svg g[aria-label="cell"] rect').length === 4 * 43, null, { timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says so, instead of drawing an empty chart, for a report without recommendations for forces', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=inspection&inspection=vetting-misconduct-2022');
    try {
      const words = (await page.getByTestId('no-force-recommendations').textContent())?.replace(/\s+/g, ' ');
      expect(words).toContain('the wording of this report’s recommendations for forces was not found');
      await expect(page.locator('.chart-frame').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is reached from the navigation, offering every report', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl);
    try {
      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Inspection' }).click();
      await page.waitForSelector('section.inspection-view[data-ready="true"]', { timeout: 30_000 });
      await expect(page.locator('.inspection-chooser li').count()).resolves.toBe(10);
      await page.locator('.inspection-chooser a', { hasText: 'acquisitive crime' }).click();
      await page.waitForSelector('section.inspection-view[data-inspection="acquisitive-crime-2022"][data-ready="true"]', { timeout: 30_000 });
      expect(new URL(page.url()).searchParams.get('inspection')).toBe('acquisitive-crime-2022');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the SQL\'s on-time rates for the newest report with recommendations for forces, the one asked ahead while the list was shown', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=inspection');
    try {
      const inspection = (await inspectionList(db)).find((listed) => listed.for_forces > 0)!.inspection_id;
      await page.locator(`.inspection-chooser a[href*="inspection=${inspection}"]`).click();
      await page.waitForSelector(`section.inspection-view[data-inspection="${inspection}"][data-ready="true"]`, { timeout: 30_000 });
      const expected = await onTimeByRecommendation(db, defaultFilters(asOf), inspection);
      const onTime = page.locator('[data-chart="on-time-rate"]');
      await onTime.getByRole('button', { name: 'Show as table' }).click();
      expect(await onTime.locator('tbody tr td:nth-child(7)').allTextContents()).toEqual(expected.map((r) => formatPercent(r.on_time_rate)));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no axe-core violations, with its tables shown too', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=inspection&inspection=firearms-2023', baseUrl).href);
      await page.waitForSelector('section.view[data-ready="true"]', { timeout: 30_000 });
      await waitForEngine(page);
      expect(await axeViolations(page)).toEqual([]);
      const showTable = page.getByRole('button', { name: 'Show as table' });
      while ((await showTable.count()) > 0) await showTable.first().click();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
