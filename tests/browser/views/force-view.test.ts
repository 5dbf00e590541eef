import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'playwright-core';
import { launchChromium, openApp, waitForEngine } from '../support/chromium';
import { axeViolations } from '../support/axe-check';
import { openDemoData } from '../../sql/support/demo-data';
import type { Connector } from '../../../src/lib/db/connector';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { forceBenchmark } from '../../../src/lib/metrics/force/force-benchmark.sql';
import { peerAggregates } from '../../../src/lib/metrics/force/peer-aggregates.sql';
import { formatPercent } from '../../../src/lib/charts/shared/format';
import { rankWords } from '../../../src/lib/charts/shared/rank-words';
import { BENCHMARK_COLOURS } from '../../../src/lib/charts/shared/palette';

let browser: Browser;
let db: Connector;
let asOf: string;
const baseUrl = inject('baseUrl');
const NORTH_WEST = ['cheshire', 'cumbria', 'greater-manchester', 'lancashire', 'merseyside'];

beforeAll(async () => {
  [browser, db] = await Promise.all([launchChromium(), openDemoData()]);
  asOf = (await dataExtent(db)).lastUpdate!;
});
afterAll(async () => {
  await browser?.close();
});

const fills = (page: Page, chart: string) =>
  page.locator(`[data-chart="${chart}"] svg g[aria-label="bar"] rect`).evaluateAll((rects) => rects.map((r) => (r.getAttribute('fill') ?? '').toUpperCase()));
const count = (values: string[], colour: string) => values.filter((v) => v === colour.toUpperCase()).length;

describe('force view', () => {
  it('sets Cheshire beside its region and the nation, with the numbers the SQL gives under Node', async () => {
    const { page, context, requests, errors } = await openApp(browser, baseUrl, '?view=force&force=cheshire');
    try {
      await expect(page.locator('h2#force-title').textContent()).resolves.toBe('Cheshire: where the force stands');
      const subject = { force: 'cheshire', compare: null, peers: NORTH_WEST };
      const groups = await peerAggregates(db, defaultFilters(asOf), subject);
      const expected = (group: string) => formatPercent(groups.find((g) => g.group === group && g.measure === 'compliance')!.pooled);
      const cell = (group: string, kind: string) =>
        page.locator(`[data-testid="benchmark-figures"] tr[data-group="${group}"][data-kind="${kind}"] td[data-measure="compliance"]`).textContent();
      expect(await cell('force', 'force')).toContain(expected('force'));
      expect(await cell('region', 'pooled')).toContain(expected('region'));
      expect(await cell('nation', 'pooled')).toContain(expected('nation'));
      const median = groups.find((g) => g.group === 'nation' && g.measure === 'compliance')!.median;
      expect((await cell('nation', 'median'))?.trim()).toBe(formatPercent(median));
      // The region is the default peer group, so it is labelled as such rather than repeated.
      await expect(page.locator('tr[data-group="region"] th').first().textContent()).resolves.toBe('North West (region; the peer group)');
      await expect(page.locator('tr[data-group="peers"]').count()).resolves.toBe(0);

      const own = (await forceBenchmark(db, defaultFilters(asOf), subject)).find((r) => r.role === 'force' && r.measure === 'compliance')!;
      expect(await page.getByTestId('rank-compliance').first().textContent()).toBe(rankWords(own.rank, own.ranked, (own.tied ?? 0) > 0));
      expect(await page.getByTestId('percentile-compliance').first().textContent()).toContain('ties counted half');

      // One column per force: Cheshire dark blue, the four other North West forces light blue, the rest grey.
      const colours = await fills(page, 'force-strip');
      expect(colours).toHaveLength(43);
      expect([count(colours, BENCHMARK_COLOURS.force), count(colours, BENCHMARK_COLOURS.peer), count(colours, BENCHMARK_COLOURS.other)]).toEqual([1, 4, 38]);

      // Recommendations by report, history, and the section-55 response whose date is not known.
      await expect(page.locator('[data-testid="recommendations-firearms-2023"] tbody tr').count()).resolves.toBe(8);
      await expect(page.locator('[data-chart="force-history"] g[aria-label="bar"]').count()).resolves.toBe(1);
      const response = page.locator('[data-testid="responses"] tr[data-inspection="firearms-2023"]');
      await expect(response.locator('.response-state').textContent()).resolves.toBe('Published; date not known');
      for (const source of await page.locator('.chart-frame .source').allTextContents()) expect(source).toContain('Illustrative statuses');

      const origin = new URL(baseUrl).origin;
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the figures the SQL gives for a force chosen from the list, the first one asked ahead while the list was shown', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=force');
    try {
      const select = page.getByTestId('force-select');
      const options = (await select.locator('option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
      // The first force in the list is the one the view asks ahead; the second is not.
      let rows: { recommendation: ElementHandle; response: ElementHandle } | null = null;
      for (const force of options.slice(0, 2)) {
        await select.selectOption(force);
        await page.waitForSelector(`section.view[data-ready="true"][data-force="${force}"]`, { timeout: 30_000 });
        const recommendation = (await page.$('[data-testid="recommendations-firearms-2023"] tbody tr[data-rec="2"]'))!;
        const response = (await page.$('[data-testid="responses"] tr[data-inspection="firearms-2023"]'))!;
        await expect(recommendation.getAttribute('data-force')).resolves.toBe(force);
        await expect(response.getAttribute('data-force')).resolves.toBe(force);
        // Another force's rows update the rows on the page in place: nothing is built again.
        if (rows) {
          await expect(rows.recommendation.evaluate((row) => row.isConnected)).resolves.toBe(true);
          await expect(rows.response.evaluate((row) => row.isConnected)).resolves.toBe(true);
          await expect(rows.recommendation.getAttribute('data-force')).resolves.toBe(force);
        }
        rows = { recommendation, response };
        const region = (await db.query('SELECT region FROM forces WHERE force_id = $1', [force])).getChild('region')!.get(0) as string;
        const peers = (await db.query('SELECT force_id FROM forces WHERE region = $1 ORDER BY force_id', [region])).toArray().map((r) => String(r.force_id));
        const groups = await peerAggregates(db, defaultFilters(asOf), { force, compare: null, peers });
        const expected = (group: string) => formatPercent(groups.find((g) => g.group === group && g.measure === 'compliance')!.pooled);
        const cell = (group: string, kind: string) =>
          page.locator(`[data-testid="benchmark-figures"] tr[data-group="${group}"][data-kind="${kind}"] td[data-measure="compliance"]`).textContent();
        expect(await cell('force', 'force')).toContain(expected('force'));
        expect(await cell('region', 'pooled')).toContain(expected('region'));
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('names the force whose figures are on show while another is computed, and draws its charts once', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=force&force=cheshire');
    try {
      await page.waitForSelector('section.view[data-ready="true"][data-force="cheshire"]', { timeout: 30_000 });
      // Every change to the page from here on: what the heading names beside whose rows the list
      // shows, and how many times the strip chart has been drawn since.
      await page.evaluate(() => {
        const strip = () => document.querySelector('[data-chart="force-strip"] svg');
        let last = strip();
        let draws = 0;
        const seen: { heading: string; rowsOf: string; draws: number }[] = [];
        (globalThis as unknown as { seen: typeof seen }).seen = seen;
        new MutationObserver(() => {
          const now = strip();
          if (now && now !== last) (draws += 1), (last = now);
          const heading = document.querySelector('h2#force-title')?.textContent ?? '';
          const rowsOf = document.querySelector('[data-testid="recommendations-firearms-2023"] tbody tr[data-rec]')?.getAttribute('data-force') ?? '';
          seen.push({ heading, rowsOf, draws });
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.getByTestId('force-select').selectOption('cumbria');
      await page.waitForSelector('section.view[data-ready="true"][data-force="cumbria"]', { timeout: 30_000 });
      // The strip marks the force it is drawn for in its axis (► Cumbria): drawn, perhaps when idle.
      await page.waitForFunction(() => document.querySelector('[data-chart="force-strip"]')?.textContent?.includes('► Cumbria'), null, { timeout: 30_000 });
      const seen = await page.evaluate(() => (globalThis as unknown as { seen: { heading: string; rowsOf: string; draws: number }[] }).seen);
      const headings: Record<string, string> = { cheshire: 'Cheshire: where the force stands', cumbria: 'Cumbria: where the force stands' };
      expect(seen.length).toBeGreaterThan(0);
      // Named from the address, the new force titled the last force's figures until its own came.
      for (const moment of seen) expect(moment.heading).toBe(headings[moment.rowsOf]);
      expect(seen.at(-1)!.rowsOf).toBe('cumbria');
      // Drawn again only with the new force's figures, not first with the old ones under new names.
      expect(seen.at(-1)!.draws).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('compares two forces side by side from the address alone', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=force&force=cheshire&compare=west-midlands');
    try {
      await expect(page.locator('h2#force-title').textContent()).resolves.toBe('Cheshire and West Midlands: where the forces stand');
      await expect(page.locator('tr[data-group="compare"] th').textContent()).resolves.toBe('West Midlands');
      await expect(page.locator('tr[data-group="compare_region"] th').first().textContent()).resolves.toBe('West Midlands (region)');
      const colours = await fills(page, 'force-strip');
      expect([count(colours, BENCHMARK_COLOURS.force), count(colours, BENCHMARK_COLOURS.compare)]).toEqual([1, 1]);
      // Each recommendation has a row per force; both histories are drawn.
      await expect(page.locator('[data-testid="recommendations-firearms-2023"] tbody tr').count()).resolves.toBe(16);
      await expect(page.locator('[data-chart="force-history-compare"] g[aria-label="bar"]').count()).resolves.toBe(1);
      await expect(page.getByTestId('rank-compliance').count()).resolves.toBe(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a peer group name typed straight after opening the editor', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=force&force=cheshire');
    try {
      await page.waitForSelector('section.view[data-ready="true"]');
      // The details element's toggle event comes a task after the click that opens it; typing in
      // between (a fast typist, a loaded machine, a test) was wiped by the form's reset.
      const kept = await page.evaluate(async () => {
        const editor = document.querySelector<HTMLDetailsElement>('.peer-editor')!;
        editor.querySelector('summary')!.click();
        const name = editor.querySelector<HTMLInputElement>('[data-testid="peer-name"]')!;
        name.value = 'Metro forces';
        name.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 50));
        return name.value;
      });
      expect(kept).toBe('Metro forces');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('makes a peer group that is kept in the address and in the browser', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=force&force=cheshire');
    try {
      await page.getByText('Make a peer group').click();
      await page.getByTestId('peer-name').fill('Metro forces');
      for (const name of ['Greater Manchester', 'Merseyside', 'West Midlands']) {
        await page.locator('.peer-editor').getByLabel(name, { exact: true }).check();
      }
      await page.getByTestId('peer-save').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('peers') !== null);
      expect(new URL(page.url()).searchParams.get('peers')).toBe('Metro forces:greater-manchester,merseyside,west-midlands');
      await page.waitForSelector('section.view[data-ready="true"][data-peers="greater-manchester,merseyside,west-midlands"]');
      await expect(page.locator('tr[data-group="peers"] th').first().textContent()).resolves.toBe('Peer group: Metro forces (3 forces)');
      const colours = await fills(page, 'force-strip');
      expect(count(colours, BENCHMARK_COLOURS.peer)).toBe(3);

      // It survives a reload…
      await page.reload();
      await page.waitForSelector('section.view[data-ready="true"][data-peers="greater-manchester,merseyside,west-midlands"]', { timeout: 30_000 });
      await expect(page.getByTestId('peer-select').locator('option:checked').textContent()).resolves.toBe('Metro forces (3 forces)');

      // …and is offered on a fresh visit without it in the address, from localStorage.
      await page.goto(new URL('?view=force&force=west-mercia', baseUrl).href);
      await page.waitForSelector('section.view[data-ready="true"]', { timeout: 30_000 });
      const options = await page.getByTestId('peer-select').locator('option').allTextContents();
      expect(options).toContain('Metro forces (3 forces)');
      await page.getByTestId('peer-select').selectOption({ label: 'Metro forces (3 forces)' });
      await page.waitForFunction(() => new URL(location.href).searchParams.get('peers')?.startsWith('Metro forces:'));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('moves to the inspection view without reloading, and back', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=force&force=cheshire');
    try {
      await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
      await page.locator('#recs-firearms-2023 a').click();
      await page.waitForSelector('section.inspection-view[data-ready="true"][data-inspection="firearms-2023"]', { timeout: 30_000 });
      expect(new URL(page.url()).searchParams.get('view')).toBe('inspection');
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
      await page.goBack();
      await page.waitForSelector('section.force-view[data-ready="true"]', { timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('embeds its charts from the same address plus embed=<chart>', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=force&force=cheshire&peers=all&embed=force-strip', baseUrl).href);
      await page.waitForSelector('main.embed[data-ready="true"]', { timeout: 30_000 });
      const colours = await fills(page, 'force-strip');
      expect([count(colours, BENCHMARK_COLOURS.force), count(colours, BENCHMARK_COLOURS.peer)]).toEqual([1, 42]);
      await page.goto(new URL('?view=inspection&inspection=firearms-2023&embed=status-matrix', baseUrl).href);
      await page.waitForSelector('main.embed[data-ready="true"]', { timeout: 30_000 });
      await expect(page.locator('[data-chart="status-matrix"] svg g[aria-label="cell"] rect').count()).resolves.toBe(8 * 43);
    } finally {
      await context.close();
    }
  });

  it('has no axe-core violations, with its tables shown too', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=force&force=cheshire&compare=west-midlands&peers=Metro:merseyside,west-yorkshire', baseUrl).href);
      await page.waitForSelector('section.view[data-ready="true"]', { timeout: 30_000 });
      await waitForEngine(page);
      await page.getByText(/Make a peer group|Edit “/).click();
      expect(await axeViolations(page)).toEqual([]);
      const showTable = page.getByRole('button', { name: 'Show as table' });
      while ((await showTable.count()) > 0) await showTable.first().click();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
