import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, waitForEngine } from '../support/chromium';
import { axeViolations } from '../support/axe-check';
import { openDemoData } from '../../sql/support/demo-data';
import type { Connector } from '../../../src/lib/db/connector';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { areaChanges, changedPairs } from '../../../src/lib/metrics/changes/changes.sql';
import { forceFreshness } from '../../../src/lib/metrics/national/freshness.sql';
import { formatInteger } from '../../../src/lib/charts/shared/format';
import { staleHeadline } from '../../../src/lib/charts/shared/freshness-words';

let browser: Browser;
let db: Connector;
let latest: string;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  [browser, db] = await Promise.all([launchChromium(), openDemoData()]);
  latest = (await dataExtent(db)).lastUpdate!;
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const period = { from: '2025-01-01', to: '2025-12-31' };
const viewFor = (p: { from: string; to: string }) =>
  `section.changes-view[data-ready="true"][data-from="${p.from}"][data-to="${p.to}"]`;

/** What the page shows: the four counts, the listed pairs and the freshness headline. */
async function shown(page: Page) {
  return {
    counts: await Promise.all(
      ['count-became-complete', 'count-became-overdue', 'count-went-backwards', 'count-came-into-scope'].map((id) =>
        page.getByTestId(id).textContent(),
      ),
    ),
    pairs: await page.locator('[data-testid="changed-pairs"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pair'))),
    stale: await page.getByTestId('stale-headline').textContent(),
  };
}

describe('changes view', () => {
  it('compares two dates set through the controls, agrees with the SQL, and comes back the same from its address', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=changes');
    try {
      // The defaults: the latest date and the same day a quarter earlier.
      await expect(page.getByTestId('changes-to').getAttribute('data-value')).resolves.toBe(latest);

      // Typed day first, as a user in any locale types them; the field reads them on Enter.
      for (const [id, iso] of [['changes-from', period.from], ['changes-to', period.to]] as const) {
        await page.getByTestId(id).fill(iso.split('-').reverse().join('/'));
        await page.getByTestId(id).press('Enter');
      }
      await page.waitForSelector(viewFor(period), { timeout: 30_000 });
      const url = new URL(page.url());
      expect([url.searchParams.get('view'), url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['changes', period.from, period.to]);

      const filters = defaultFilters(latest);
      const [national] = await areaChanges(db, filters, period);
      const pairs = await changedPairs(db, filters, period);
      const freshness = await forceFreshness(db, { ...filters, asOf: period.to });
      expect(national!.became_complete + national!.became_overdue).toBeGreaterThan(0); // the comparison is not empty
      const expected = {
        counts: [national!.became_complete, national!.became_overdue, national!.went_backwards, national!.came_into_scope].map(formatInteger),
        pairs: pairs.items.map((p) => `${p.force_id}/${p.inspection_id}/${p.rec_no}`),
        stale: staleHeadline(freshness.staleForces, 180),
      };
      expect(await shown(page)).toEqual(expected);
      await expect(page.getByTestId('changed-pairs-count').textContent()).resolves.toContain(formatInteger(pairs.total));

      // The address alone brings the same view back.
      await page.reload();
      await page.waitForSelector(viewFor(period), { timeout: 30_000 });
      await waitForEngine(page);
      expect(await shown(page)).toEqual(expected);
      await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Changes' }).getAttribute('aria-current')).resolves.toBe('page');

      // A stricter threshold is kept in the address and counted by the same SQL.
      const strict = await forceFreshness(db, { ...filters, asOf: period.to }, 30);
      await page.getByTestId('stale-days').fill('30');
      await page.getByTestId('stale-days').press('Enter');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('stale') === '30');
      await page.waitForFunction((text) => document.querySelector('[data-testid="stale-headline"]')?.textContent === text, staleHeadline(strict.staleForces, 30));

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no accessibility violations', async () => {
    // axe is injected as a script, which the app's CSP rightly refuses: this context bypasses it.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(new URL(`?view=changes&from=${period.from}&to=${period.to}`, baseUrl).href);
      await page.waitForSelector(viewFor(period), { timeout: 30_000 });
      await waitForEngine(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('embeds its charts from the same address plus embed=<chart>', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const filters = defaultFilters(latest);
      const areas = await areaChanges(db, filters, period);
      await page.goto(new URL(`?view=changes&from=${period.from}&to=${period.to}&embed=region-overdue-changes`, baseUrl).href);
      await page.waitForSelector('main.embed[data-ready="true"]', { timeout: 30_000 });
      // One bar for England and Wales and one per region, as the SQL counts them.
      await expect(page.locator('[data-chart="region-overdue-changes"] svg g[aria-label="bar"] rect').count()).resolves.toBe(areas.length);
      await page.goto(new URL(`?view=changes&from=${period.from}&to=${period.to}&embed=force-rate-changes`, baseUrl).href);
      await page.waitForSelector('main.embed[data-ready="true"]', { timeout: 30_000 });
      await expect(page.locator('[data-chart="force-rate-changes"] [data-testid="subtitle"]').textContent()).resolves.toContain('From 1 January 2025 to 31 December 2025');
    } finally {
      await context.close();
    }
  });

  it('fits a phone’s width', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, `?view=changes&from=${period.from}&to=${period.to}`);
    try {
      await page.setViewportSize({ width: 390, height: 800 });
      await page.waitForSelector(viewFor(period), { timeout: 30_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
