import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, openApp, waitForNationalView } from '../support/chromium';
import { openDemoData } from '../../sql/support/demo-data';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { formatDate, formatInteger, formatPercent } from '../../../src/lib/charts/shared/format';
import { complianceTrends } from '../../../src/lib/metrics/national/trends.sql';
import { forceFreshness } from '../../../src/lib/metrics/national/freshness.sql';
import { staleHeadline } from '../../../src/lib/charts/shared/freshness-words';
import type { Connector } from '../../../src/lib/db/connector';

let browser: Browser;
let db: Connector;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  [browser, db] = await Promise.all([launchChromium(), openDemoData()]);
});
afterAll(async () => {
  await browser?.close();
});

const filtersOn = defaultFilters;

describe('national view on the demo data', () => {
  it('draws the 43 forces in each chart, labels illustrative data, and asks only its own origin', async () => {
    const { page, requests, errors, context } = await openApp(browser, baseUrl);
    try {
      // Charts far below the screen draw when scrolled to (or when the browser is idle).
      const marksIn = async (chart: string, marks: string) => {
        await page.locator(`[data-chart="${chart}"]`).scrollIntoViewIfNeeded();
        return () => page.locator(`[data-chart="${chart}"] svg ${marks}`).count();
      };
      await expect.poll(await marksIn('force-ranking', 'g[aria-label="bar"] rect')).toBe(43);
      await expect.poll(await marksIn('region-force-rates', 'g[aria-label="dot"] circle')).toBe(43);
      await expect.poll(await marksIn('region-status-mix', 'g[aria-label="bar"] rect')).toBeGreaterThan(10);
      await expect(page.getByTestId('illustrative-notice').textContent()).resolves.toContain('Illustrative statuses');
      for (const source of await page.locator('.chart-frame .source').allTextContents()) {
        expect(source).toContain('Illustrative statuses');
      }

      // The table alternative of the status mix covers every force × recommendation pair.
      const mix = page.locator('[data-chart="region-status-mix"]');
      await mix.getByRole('button', { name: 'Show as table' }).click();
      const pairs = (await mix.locator('tbody tr td:nth-child(3)').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
      const recs = Number(await page.getByTestId('headline-recommendations').textContent());
      expect(pairs.reduce((a, b) => a + b, 0)).toBe(43 * recs);

      const origin = new URL(baseUrl).origin;
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('draws the first chart from the build-time snapshot, before the engine is ready', async () => {
    const { page, context } = await openApp(browser, baseUrl);
    try {
      const marks = await page.evaluate(() =>
        ['oversight:first-chart', 'oversight:engine-ready'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN),
      );
      expect(marks[0]).toBeLessThan(marks[1]!);
    } finally {
      await context.close();
    }
  });

  it('shows the same headline numbers as the metrics SQL under Node', async () => {
    const extent = await dataExtent(db);
    const expected = await headline(db, filtersOn(extent.lastUpdate!));
    const { page, context } = await openApp(browser, baseUrl);
    try {
      expect(await page.getByTestId('headline-recommendations').textContent()).toBe(formatInteger(expected.recommendations));
      expect(await page.getByTestId('headline-compliance').textContent()).toBe(formatPercent(expected.complianceRate));
      expect(await page.getByTestId('headline-overdue').textContent()).toBe(formatInteger(expected.overdue));
      expect(await page.getByTestId('headline-forces-overdue').textContent()).toBe(formatInteger(expected.forcesWithOverdue));
    } finally {
      await context.close();
    }
  });

  it('changes every number when the as-of date changes, and keeps the date in the URL', async () => {
    const earlier = '2024-03-31';
    const expected = await headline(db, filtersOn(earlier));
    const { page, context } = await openApp(browser, baseUrl);
    try {
      const before = await page.getByTestId('headline-overdue').textContent();
      await page.getByTestId('asof').fill(earlier);
      await page.getByTestId('asof').dispatchEvent('change');
      await waitForNationalView(page, earlier);
      expect(await page.getByTestId('headline-overdue').textContent()).toBe(formatInteger(expected.overdue));
      expect(await page.getByTestId('headline-overdue').textContent()).not.toBe(before);
      expect(await page.getByTestId('headline-compliance').textContent()).toBe(formatPercent(expected.complianceRate));
      expect(new URL(page.url()).searchParams.get('asof')).toBe(earlier);
      await expect(page.locator('[data-chart="force-ranking"] [data-testid="subtitle"]').textContent()).resolves.toContain('31 March 2024');
      // The trend is the series kept from the first view cut at the new date, ending on the date's
      // own figures, and freshness comes with the figures: each as the plain SQL gives them for the date.
      const trend = (await complianceTrends(db, filtersOn(earlier))).filter((p) => p.region === null);
      await page.locator('[data-chart="compliance-trend"] button', { hasText: 'Show as table' }).click();
      const cells = await page.locator('[data-chart="compliance-trend"] table tbody tr').evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].slice(1).map((td) => td.textContent)));
      expect(cells).toEqual(trend.map((p) => [formatDate(p.date), formatPercent(p.rate), formatInteger(p.complete), formatInteger(p.in_scope)]));
      const freshness = await forceFreshness(db, filtersOn(earlier));
      await expect(page.getByTestId('stale-headline').textContent()).resolves.toBe(staleHeadline(freshness.staleForces, freshness.staleDays));

      // The address alone reproduces the view.
      const shared = await openApp(browser, baseUrl, new URL(page.url()).search);
      expect(await shared.page.getByTestId('headline-overdue').textContent()).toBe(formatInteger(expected.overdue));
      await shared.context.close();
    } finally {
      await context.close();
    }
  });
});
