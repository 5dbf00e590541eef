import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveWithRanges, type RangeHost } from '../../../scripts/bench/range-host';
import { launchChromium, openApp } from '../support/chromium';
import { openNativeConnector } from '../../../src/lib/db/native-connector';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { formatInteger, formatPercent } from '../../../src/lib/charts/shared/format';
import { buildSite } from '../../../cli/build-site';
import { loadDataset } from '../../../cli/load-files';
import { nationalFigures } from '../../../cli/figures';
import type { FigureRow } from '../../../cli/figures-table';

/**
 * `oversight build-site` on the valid fixtures, served as any static host would serve it: the app
 * opens the dataset beside it by range requests to its own origin and shows the command line's
 * figures.
 */
const valid = (name: string) => fileURLToPath(new URL(`../../fixtures/valid/${name}`, import.meta.url));
const FILES = [valid('long.csv'), valid('wide.csv'), valid('history.csv')];
const site = join(mkdtempSync(join(tmpdir(), 'oversight-site-')), 'site');

let browser: Browser;
let server: RangeHost;
let baseUrl: string;
const expected: Record<string, FigureRow> = {};

beforeAll(async () => {
  await buildSite(FILES, site, null);
  const native = await openNativeConnector();
  try {
    await loadDataset(native, FILES, null);
    const { lastUpdate } = await dataExtent(native);
    for (const asOf of [lastUpdate!, '2024-01-31']) {
      expected[asOf] = (await nationalFigures(native, { asOf, inspections: [], region: null, pending: false })).rows[0]!;
    }
  } finally {
    native.close();
  }
  server = await serveWithRanges(site);
  baseUrl = `${server.origin}/`;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const headlineOf = (row: FigureRow) => ({
  recommendations: formatInteger(row.recommendations!),
  compliance: formatPercent(row.compliance_rate),
  overdue: formatInteger(row.overdue),
});

describe('a published dataset served beside the app', () => {
  it('opens by range requests to its own origin and shows the command line\'s figures', async () => {
    const [lastUpdate, earlier] = Object.keys(expected) as [string, string];
    const { page, context, errors } = await openApp(browser, baseUrl, `?asof=${earlier}`);
    const requests: { url: string }[] = [];
    try {
      const headline = async () => ({
        recommendations: await page.getByTestId('headline-recommendations').textContent(),
        compliance: await page.getByTestId('headline-compliance').textContent(),
        overdue: await page.getByTestId('headline-overdue').textContent(),
      });
      expect(await headline()).toEqual(headlineOf(expected[earlier]!));
      // A second page in the same context, recording every request (its workers' included).
      context.on('request', (request) => requests.push({ url: request.url() }));
      const servedBefore = server.served.length;
      const second = await context.newPage();
      await second.goto(`${baseUrl}?data=dataset/oversight.duckdb`);
      await second.waitForFunction(() => performance.getEntriesByName('oversight:data-loaded').length > 0, null, { timeout: 60_000 });
      await expect.poll(async () => second.getByTestId('headline-compliance').textContent()).toBe(headlineOf(expected[lastUpdate]!).compliance);
      expect(await second.getByTestId('headline-overdue').textContent()).toBe(headlineOf(expected[lastUpdate]!).overdue);

      const origin = new URL(baseUrl).origin;
      expect(requests.filter(({ url }) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      // The database is read in ranges, never whole (the host's own log, workers' requests included).
      const database = server.served.filter(({ path }) => path === '/dataset/oversight.duckdb');
      expect(database.filter(({ method }) => method === 'GET').length).toBeGreaterThan(0);
      expect(database.filter(({ method, status }) => method === 'GET' && status !== 206)).toEqual([]);
      // One viewer's page downloads part of the file, not all of it.
      const secondPage = server.served.slice(servedBefore).filter(({ path }) => path === '/dataset/oversight.duckdb');
      const fetched = secondPage.reduce((sum, { bytes }) => sum + bytes, 0);
      expect(fetched).toBeGreaterThan(0);
      expect(fetched).toBeLessThan(statSync(join(site, 'dataset', 'oversight.duckdb')).size);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('answers the force and inspection views from the published dataset too', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl);
    try {
      await page.goto(`${baseUrl}?view=force&force=durham`);
      await page.waitForSelector('section.force-view[data-ready="true"]', { timeout: 60_000 });
      await page.goto(`${baseUrl}?view=inspection&inspection=firearms-2023`);
      await page.waitForSelector('section.inspection-view[data-ready="true"][data-inspection="firearms-2023"]', { timeout: 60_000 });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('says in words, in the Data view, that a published dataset cannot be changed', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl);
    try {
      await page.getByRole('link', { name: 'Data', exact: true }).click();
      await expect.poll(() => page.locator('.data-view [role="alert"]').allTextContents(), { timeout: 60_000 })
        .toContainEqual(expect.stringContaining('This is a published dataset, which cannot be changed here.'));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('refuses a dataset on another host with a clear message, and asks nothing of it', async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}?data=${encodeURIComponent('https://example.org/oversight.duckdb')}`);
      await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
        .toContain('only a dataset beside the app can be opened');
      expect(requests.filter((url) => new URL(url).hostname === 'example.org')).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
