import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp } from '../support/chromium';
import { openDemoData } from '../../sql/support/demo-data';
import type { Connector } from '../../../src/lib/db/connector';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { OVERDUE_LIST_LIMIT, OVERDUE_LIST_MAX, overdueList } from '../../../src/lib/metrics/national/overdue.sql';
import { inspectionOptions } from '../../../src/lib/metrics/common/inspection-options.sql';
import { FORCE_TILES } from '../../../src/lib/charts/national/force-tile-layout';
import { formatInteger, formatPercent } from '../../../src/lib/charts/shared/format';

let browser: Browser;
let db: Connector;
let latest: string;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  [browser, db] = await Promise.all([launchChromium(), openDemoData()]);
  latest = (await dataExtent(db)).lastUpdate!;
});
afterAll(async () => {
  await browser?.close();
});

/** Waits until the view shows figures for filters that include `fragment` (a piece of their JSON). */
async function showing(page: Page, fragment: string): Promise<void> {
  await page.waitForSelector(`section.view[data-filters-key*='${fragment}']`, { timeout: 30_000 });
}

/** Everything a reader sees as numbers, to compare two pages. */
async function numbers(page: Page) {
  return page.evaluate(() => ({
    key: document.querySelector('section.view')?.getAttribute('data-filters-key'),
    headline: [...document.querySelectorAll('.headline dd')].map((dd) => dd.textContent?.trim()),
    tiles: [...document.querySelectorAll('.tile')].map((tile) => `${tile.getAttribute('aria-label')}|${tile.getAttribute('aria-pressed')}`),
    subtitles: [...document.querySelectorAll('.chart-frame .subtitle')].map((p) => p.textContent),
    overdue: document.querySelector('[data-testid="overdue-list"]')?.textContent?.replace(/\s+/g, ' '),
    measure: (document.querySelector('input[name="tile-measure"]:checked') as HTMLInputElement | null)?.value,
  }));
}

async function expectHeadline(page: Page, filters: Filters): Promise<void> {
  const expected = await headline(db, filters);
  expect(await page.getByTestId('headline-compliance').textContent()).toBe(formatPercent(expected.complianceRate));
  expect(await page.getByTestId('headline-overdue').textContent()).toBe(formatInteger(expected.overdue));
  expect(await page.getByTestId('headline-recommendations').textContent()).toBe(formatInteger(expected.recommendations));
}

describe('national view interactions', () => {
  it('clicking a tile selects the force in every chart, narrows the figures and the list, and goes in the URL', async () => {
    // A force with overdue items on the latest date, so that its list is not empty.
    const { force_id: id, force: name } = (await overdueList(db, defaultFilters(latest))).items[0]!;
    const { page, context, errors } = await openApp(browser, baseUrl);
    try {
      expect(await page.locator('.tile').count()).toBe(43);
      const before = await page.locator('[data-testid="overdue-list"] tbody tr').count();
      await page.locator(`.tile[data-force="${id}"]`).click();
      await showing(page, `"force":"${id}"`);
      expect(new URL(page.url()).searchParams.get('force')).toBe(id);
      expect(await page.locator(`.tile[data-force="${id}"]`).getAttribute('aria-pressed')).toBe('true');

      // Every chart says so and draws it: the tile map, ranking, dots, status mix, small multiples, both trends.
      const subtitles = await page.locator('.chart-frame .subtitle').allTextContents();
      expect(subtitles).toHaveLength(7);
      for (const subtitle of subtitles) expect(subtitle).toContain(`${name} selected`);
      // Charts far below the screen draw when the browser is idle (or when scrolled to).
      const plotText = (chart: string) => () => page.locator(`[data-chart="${chart}"] .plot`).textContent();
      await expect.poll(plotText('region-status-mix'), { timeout: 10_000 }).toContain(`${name} (selected)`);
      await expect.poll(plotText('compliance-trend'), { timeout: 10_000 }).toContain(name);
      await expect(page.locator('[data-chart="force-ranking"] .plot').textContent()).resolves.toContain('selected');

      // The headline and the overdue list narrow to the force, with the numbers the SQL gives under Node.
      const chosen: Filters = { ...defaultFilters(latest), force: id };
      await expectHeadline(page, chosen);
      const expected = await overdueList(db, chosen);
      const forces = await page.locator('[data-testid="overdue-list"] tbody tr td:first-child').allTextContents();
      expect(forces.map((f) => f.trim())).toEqual(expected.items.map(() => name));
      expect(forces.length).toBeGreaterThan(0);
      expect(forces.length).toBeLessThan(before);

      // Choosing it again lets it go.
      await page.locator(`.tile[data-force="${id}"]`).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('force'));
      await showing(page, '"force":null');
      await expectHeadline(page, defaultFilters(latest));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a tile pointed at, passed over for another and that one clicked shows the figures the SQL gives for the one clicked', async () => {
    // Pointing at a tile asks its figures ahead; the next tile pointed at replaces that question.
    const { page, context, errors } = await openApp(browser, baseUrl);
    try {
      await page.locator('.tile[data-force="kent"]').hover();
      await page.locator('.tile[data-force="dorset"]').hover();
      await page.locator('.tile[data-force="dorset"]').click();
      await showing(page, '"force":"dorset"');
      await expectHeadline(page, { ...defaultFilters(latest), force: 'dorset' });
      // Kent, asked ahead first, then clicked from the keyboard: its own figures.
      await page.locator('.tile[data-force="kent"]').focus();
      await page.keyboard.press('Enter');
      await showing(page, '"force":"kent"');
      await expectHeadline(page, { ...defaultFilters(latest), force: 'kent' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a click on a bar selects its force; on a region’s status bar filters by the region', async () => {
    const { page, context } = await openApp(browser, baseUrl);
    try {
      await page.locator('[data-chart="force-ranking"] [data-pick*="\\"cumbria\\""]').first().click();
      await showing(page, '"force":"cumbria"');
      await page.locator('[data-chart="region-status-mix"] [data-pick*="\\"region\\":\\"Wales\\""]').first().click();
      await showing(page, '"region":"Wales"');
      const url = new URL(page.url());
      // Cumbria is not in Wales, so choosing Wales lets Cumbria go.
      expect([url.searchParams.get('region'), url.searchParams.get('force')]).toEqual(['Wales', null]);
      await expectHeadline(page, { ...defaultFilters(latest), region: 'Wales' });
      expect(await page.locator('.tile.in-region').count()).toBe(4);
      // A region's panel of the small multiples picks that region.
      await page.locator(`[data-chart="region-trends"] [data-pick='{"region":"London"}']`).click();
      await showing(page, '"region":"London"');
      expect(await page.locator('.tile.in-region').count()).toBe(2);
    } finally {
      await context.close();
    }
  });

  it('choosing a recommendation in the overdue list narrows everything to it; chips clear one by one or all at once', async () => {
    const asOf = '2024-06-30';
    const { page, context } = await openApp(browser, baseUrl, `?asof=${asOf}`);
    try {
      const first = (await overdueList(db, defaultFilters(asOf))).items[0]!;
      await page.locator('[data-testid="overdue-list"] tbody tr').first().getByRole('button', { name: /^Recommendation/ }).click();
      const rec = `"recommendation":{"inspectionId":"${first.inspection_id}","recNo":${first.rec_no}}`;
      await showing(page, rec);
      expect(new URL(page.url()).searchParams.get('rec')).toBe(`${first.inspection_id}:${first.rec_no}`);
      await expectHeadline(page, { ...defaultFilters(asOf), recommendation: { inspectionId: first.inspection_id, recNo: first.rec_no } });

      const chips = page.getByTestId('active-filters');
      expect(await chips.locator('.chip').allTextContents()).toEqual([
        expect.stringContaining('As on 30 June 2024'),
        expect.stringContaining(`Recommendation ${first.rec_no} of`),
      ]);
      await chips.getByRole('button', { name: /^Remove filter: Recommendation/ }).click();
      await showing(page, '"recommendation":null');
      expect(new URL(page.url()).searchParams.has('rec')).toBe(false);
      expect(new URL(page.url()).searchParams.get('asof')).toBe(asOf);

      await page.locator('.tile[data-force="gwent"]').click();
      await showing(page, '"force":"gwent"');
      await chips.getByRole('button', { name: 'Clear all filters' }).click();
      await showing(page, `"asOf":"${latest}"`);
      expect(new URL(page.url()).search).toBe('');
      await expectHeadline(page, defaultFilters(latest));
    } finally {
      await context.close();
    }
  });

  it('the copied URL opened in a fresh browser shows the same view and numbers', async () => {
    const { page, context } = await openApp(browser, baseUrl);
    try {
      await page.getByTestId('asof').fill('2024-03-31');
      await page.getByTestId('asof').dispatchEvent('change');
      await showing(page, '"asOf":"2024-03-31"');
      await page.locator('select[name="region"]').selectOption('North West');
      await showing(page, '"region":"North West"');
      await page.getByTestId('status-choices').locator('summary').click();
      await page.locator('input[name="status"][value="no_update"]').check();
      await page.locator('input[name="status"][value="in_progress"]').check();
      await showing(page, '"statuses":["in_progress","no_update"]');
      await page.locator('[data-testid="overdue-list"] th').getByRole('button', { name: /^Deadline/ }).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('overdue-sort') === 'due_date-desc');
      await page.waitForSelector('[data-testid="overdue-list"] th[aria-sort="descending"]');
      await page.locator('.tile[data-force="lancashire"]').click();
      await showing(page, '"force":"lancashire"');
      await page.locator('input[name="tile-measure"][value="overdue"]').check();
      // The figures of the last choice may still be on their way: read them once every part has answered.
      await page.waitForSelector('section.view[data-ready="true"]:not([aria-busy="true"])');
      const here = await numbers(page);
      expect(here.measure).toBe('overdue');

      const shared = await openApp(browser, baseUrl, new URL(page.url()).search);
      try {
        // The fresh page draws from the snapshot or the engine as each answers: the same numbers once settled.
        await expect.poll(() => numbers(shared.page), { timeout: 60_000 }).toEqual(here);
        await expectHeadline(shared.page, {
          ...defaultFilters('2024-03-31'), region: 'North West', statuses: ['in_progress', 'no_update'], force: 'lancashire',
        });
      } finally {
        await shared.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it('the overdue list shows a page at a time: more on asking, kept in the URL, back to the first page', async () => {
    const all = await overdueList(db, defaultFilters(latest), undefined, OVERDUE_LIST_MAX);
    // The demo data has more overdue items than a page on its latest date; the test needs that.
    expect(all.total).toBeGreaterThan(OVERDUE_LIST_LIMIT);
    const rows = () => page.locator('[data-testid="overdue-list"] tbody tr');
    const { page, context } = await openApp(browser, baseUrl);
    try {
      await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(OVERDUE_LIST_LIMIT);
      const more = Math.min(OVERDUE_LIST_LIMIT, all.total - OVERDUE_LIST_LIMIT);
      await page.getByTestId('overdue-more').click();
      await page.waitForFunction((n) => new URL(location.href).searchParams.get('overdue-rows') === String(n), OVERDUE_LIST_LIMIT * 2);
      await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(OVERDUE_LIST_LIMIT + more);
      // The rows the SQL lists, in its order: the first page is not redrawn out of order.
      const shown = await page.locator('[data-testid="overdue-list"] tbody tr td:nth-child(4)').allTextContents();
      expect(shown.map((t) => t.trim())).toEqual(all.items.slice(0, OVERDUE_LIST_LIMIT + more).map((i) => String(i.rec_no)));
      await page.getByRole('button', { name: `Show the first ${OVERDUE_LIST_LIMIT} only` }).click();
      await page.waitForFunction(() => !new URL(location.href).searchParams.has('overdue-rows'));
      await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(OVERDUE_LIST_LIMIT);
    } finally {
      await context.close();
    }
  });

  it('back and forward restore each state', async () => {
    const { page, context } = await openApp(browser, baseUrl);
    try {
      const states = [await numbers(page)];
      await page.locator('.tile[data-force="durham"]').click();
      await showing(page, '"force":"durham"');
      states.push(await numbers(page));
      await page.locator('select[name="region"]').selectOption('Wales');
      await showing(page, '"region":"Wales"');
      states.push(await numbers(page));
      await page.locator('input[name="tile-measure"][value="pending"]').check();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('map') === 'pending');
      states.push(await numbers(page));
      expect(new Set(states.map((s) => JSON.stringify(s))).size).toBe(4);

      const settle = async (expected: (typeof states)[number]) => {
        await page.waitForSelector(`section.view[data-filters-key='${expected.key}']`);
        await expect.poll(() => numbers(page)).toEqual(expected);
      };
      for (const i of [2, 1, 0]) {
        await page.goBack();
        await settle(states[i]!);
      }
      for (const i of [1, 2, 3]) {
        await page.goForward();
        await settle(states[i]!);
      }
    } finally {
      await context.close();
    }
  });

  it('a keyboard alone reaches every filter and the tiles (one stop, arrow keys inside), and Enter or Space on a tile selects it', async () => {
    const { page, context } = await openApp(browser, baseUrl);
    const offered = await inspectionOptions(db);
    try {
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          if (el.dataset.force) return `tile:${el.dataset.force}`;
          if (el.tagName === 'SUMMARY') return `summary:${el.closest('details')?.getAttribute('data-testid')}`;
          const input = el as HTMLInputElement;
          if (input.name) return `${input.name}${input.type === 'checkbox' || input.type === 'radio' ? `:${input.value}` : ''}`;
          return `${el.tagName.toLowerCase()}:${el.textContent?.trim()}`;
        });
      const tabUntil = async (wanted: string, limit = 80) => {
        const seen: string[] = [];
        for (let i = 0; i < limit; i += 1) {
          await page.keyboard.press('Tab');
          seen.push(await focused());
          if (seen.at(-1) === wanted) return seen;
        }
        throw new Error(`never reached ${wanted}; reached ${seen.join(', ')}`);
      };

      // The filters, in order, then the measure, then the tiles: one tab stop, arrow keys inside.
      const toFirstTile = await tabUntil(`tile:${FORCE_TILES[0]!.force_id}`);
      const controls = toFirstTile
        .filter((s, i) => s !== toFirstTile[i - 1])
        .filter((s) => /^(asof|summary:|region|pending|tile-measure)/.test(s));
      expect(controls).toEqual([
        'asof', 'summary:inspection-choices', 'region', 'summary:status-choices', 'pending:on', 'summary:freshness-list',
        'tile-measure:compliance',
      ]);
      await page.keyboard.press('Tab');
      expect(await focused()).not.toMatch(/^tile:/);
      await page.keyboard.press('Shift+Tab');
      expect(await focused()).toBe(`tile:${FORCE_TILES[0]!.force_id}`);
      // Down to the bottom row, then to its east end.
      const bottom = Math.max(...FORCE_TILES.map((t) => t.row));
      for (let row = FORCE_TILES[0]!.row; row < bottom; row += 1) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      const eastmost = FORCE_TILES.filter((t) => t.row === bottom).sort((a, b) => b.col - a.col)[0]!;
      expect(await focused()).toBe(`tile:${eastmost.force_id}`);

      // Enter selects the focused tile; Space on it again lets it go.
      await page.keyboard.press('Enter');
      const last = eastmost.force_id;
      await showing(page, `"force":"${last}"`);
      expect(await page.locator(`.tile[data-force="${last}"]`).getAttribute('aria-pressed')).toBe('true');
      expect(await focused()).toBe(`tile:${last}`);
      await page.keyboard.press('Space');
      await showing(page, '"force":null');

      // Inside the disclosures: every inspection and every status, each a checkbox of its own.
      await page.locator('summary').first().focus();
      await page.keyboard.press('Enter');
      const inside: string[] = [];
      for (let i = 0; i < offered.length; i += 1) {
        await page.keyboard.press('Tab');
        inside.push(await focused());
      }
      expect(inside).toEqual(offered.map((o) => `inspection:${o.inspection_id}`));
      await page.keyboard.press('Space');
      await showing(page, `"inspections":["${offered.at(-1)!.inspection_id}"]`);
      await tabUntil('summary:status-choices', 10);
      await page.keyboard.press('Enter');
      const statuses = await tabUntil('status:not_applicable', 10);
      expect(statuses.filter((s) => s.startsWith('status:'))).toHaveLength(7);
      // The other measures are a radio group: arrow keys move within it.
      await tabUntil('tile-measure:compliance', 20);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('map') === 'overdue');
    } finally {
      await context.close();
    }
  });
});
