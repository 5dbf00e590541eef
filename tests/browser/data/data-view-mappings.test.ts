import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, waitForEngine, waitForNationalView } from '../support/chromium';
import { axeViolations } from '../support/axe-check';
import { openDemoData } from '../../sql/support/demo-data';
import { fixture, stage } from '../../sql/support/ingest-helpers';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { openingFilters, userCoverage } from '../../../src/lib/metrics/common/user-coverage.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { formatPercent } from '../../../src/lib/charts/shared/format';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { addUserMappings } from '../../../src/lib/data/ingest/matching/user-mappings';

/**
 * A force's tracker names the firearms inspection its own way. The user maps the title once in
 * the Data view; after a reload, next quarter's file with the same title loads in one step, and
 * the national figures are those the metrics SQL gives under Node for the two files.
 */
let browser: Browser;
let expected: string;
const baseUrl = inject('baseUrl');
const POLL = { timeout: 30_000 };
const TITLE = 'Firearms (HMICFRS, July 2023)';
const fixturePath = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

beforeAll(async () => {
  browser = await launchChromium();
  const db = await openDemoData();
  await registerShippedLoads(db, new Date().toISOString());
  await addUserMappings(db, [{ kind: 'inspection', written_as: TITLE, meaning: 'firearms-2023' }]);
  const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
  await acceptLoad(db, [await stage(db, 'q1.csv', fixture('trackers/cleveland-firearms-q1.csv'))], { kind: 'replace', loadIds: [illustrative.load_id] }, '2025-01-01');
  await acceptLoad(db, [await stage(db, 'q2.csv', fixture('trackers/cleveland-firearms-q2.csv'))], { kind: 'add' }, '2025-01-01');
  // The national view opens on the inspections the loaded statuses cover.
  expected = formatPercent((await headline(db, openingFilters((await dataExtent(db)).lastUpdate!, await userCoverage(db)))).complianceRate);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.getByTestId('data-status');

async function dataView(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.waitForSelector('section.data-view[data-ready="true"]');
}

describe('mappings the user makes once', { timeout: 180_000 }, () => {
  it('maps an unknown inspection title in the report; after a reload a second file with that title is checked without a problem', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.getByTestId('file-input').setInputFiles(fixturePath('trackers/cleveland-firearms-q1.csv'));
      const report = page.getByTestId('validation-report');
      await report.waitFor();
      // One line for the four rows that name it, not four problems.
      const line = report.getByTestId('problem-value');
      await expect.poll(() => line.count(), POLL).toBe(1);
      expect((await line.locator('td').allTextContents()).slice(0, 2)).toEqual([TITLE, '4 rows (2–5)']);

      const problems = page.waitForEvent('download');
      await page.getByTestId('download-problems').click();
      const csv = readFileSync((await (await problems).path())!, 'utf8').trim().split('\r\n');
      expect(csv).toHaveLength(5);

      await line.getByRole('searchbox').fill('deployment firearms');
      await line.getByTestId('map-select').selectOption('firearms-2023');
      await line.getByTestId('map-button').click();
      // Checked again at once: nothing left to review, so it loads.
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 4 statuses from cleveland-firearms-q1.csv');
      // Saved in this browser before the reload, as a user would see it said.
      await expect.poll(() => status(page).textContent(), POLL).toContain('Saved in this browser.');
      await expect.poll(() => page.getByTestId('user-mapping').allTextContents(), POLL).toEqual([
        `Inspection${TITLE}An inspection of how effective police forces are in the deployment of firearmsRemove`,
      ]);

      await page.reload();
      await waitForNationalView(page);
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await expect.poll(() => page.getByTestId('user-mapping').count(), POLL).toBe(1);
      await page.getByTestId('file-input').setInputFiles(fixturePath('trackers/cleveland-firearms-q2.csv'));
      // No problem to map; as a new version of the first file (the same force and inspection), it
      // waits with what it changes, and is added beside the first here.
      await page.getByTestId('load-preview').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('problem-value').count()).toBe(0);
      await page.getByTestId('preview-add').check();
      await page.getByTestId('load-valid').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 3 statuses from cleveland-firearms-q2.csv');
      expect(await page.getByTestId('validation-report').count()).toBe(0);
      // The statuses now cover the firearms inspection alone: Cleveland and the two PCC responses shipped.
      await expect.poll(() => page.getByTestId('coverage-row').allTextContents(), POLL).toEqual([
        'An inspection of how effective police forces are in the deployment of firearms3 of 4323PCC response; cleveland-firearms-q1.csv; cleveland-firearms-q2.csv',
      ]);

      await page.getByRole('link', { name: 'National picture' }).click();
      await waitForNationalView(page);
      await expect.poll(() => page.getByTestId('headline-compliance').textContent(), POLL).toBe(expected);

      // The mapping downloads as the small CSV a colleague can load.
      await dataView(page);
      const mappings = page.waitForEvent('download');
      await page.getByTestId('download-mappings').click();
      expect(readFileSync((await (await mappings).path())!, 'utf8')).toBe(`What,Written as,Means\r\ninspection,"${TITLE}",firearms-2023\r\n`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('maps a recommendation reference within its inspection; next quarter\'s file with the same reference loads in one step', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.getByTestId('file-input').setInputFiles(fixturePath('trackers/lincolnshire-firearms-q1.csv'));
      const line = page.getByTestId('validation-report').getByTestId('problem-value');
      await expect.poll(() => line.count(), POLL).toBe(1);
      // Its likeliest number is offered first, among the inspection's own recommendations.
      expect((await line.locator('td').allTextContents()).slice(0, 3)).toEqual(['Rec 2a', 'row 2', expect.stringMatching(/^Recommendation 2: /)]);
      expect(await line.getByTestId('map-select').inputValue()).toBe('2');
      await line.getByTestId('map-button').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 2 statuses from lincolnshire-firearms-q1.csv');
      await expect.poll(() => page.getByTestId('user-mapping').allTextContents(), POLL).toEqual([
        'RecommendationRec 2aRecommendation 2 of An inspection of how effective police forces are in the deployment of firearmsRemove',
      ]);

      await page.getByTestId('file-input').setInputFiles(fixturePath('trackers/lincolnshire-firearms-q2.csv'));
      await page.getByTestId('load-preview').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('problem-value').count()).toBe(0);
      await page.getByTestId('preview-add').check();
      await page.getByTestId('load-valid').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 2 statuses from lincolnshire-firearms-q2.csv');

      const mappings = page.waitForEvent('download');
      await page.getByTestId('download-mappings').click();
      expect(readFileSync((await (await mappings).path())!, 'utf8')).toBe('What,Written as,Means,Inspection\r\nrecommendation,Rec 2a,2,firearms-2023\r\n');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('loads a tracker with oddities in one step, names each, and excludes the future-dated row with undo', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.getByTestId('file-input').setInputFiles(fixturePath('trackers/durham-firearms-oddities.csv'));
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 5 statuses from durham-firearms-oddities.csv');
      expect(await status(page).textContent()).toContain('with 4 warnings');
      const warnings = page.getByTestId('load-warnings');
      await expect.poll(() => warnings.getByTestId('warning-rows').count(), POLL).toBe(4);
      await expect(warnings.getByText("Durham, firearms-2023 recommendation 3: dated 15/03/2031, after today.", { exact: false }).count()).resolves.toBe(1);
      // Three kinds of rows loaded and can be taken out; the duplicate's repeat never loaded.
      expect(await warnings.getByTestId('exclude-warned').count()).toBe(3);
      const exclude = warnings.locator('[data-kind="date_in_future"]');
      expect(await exclude.textContent()).toBe('Exclude this row');
      await exclude.click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Excluded 1 row of durham-firearms-oddities.csv (date after today).');
      await page.getByTestId('undo').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Undone: Exclusion of the rows of durham-firearms-oddities.csv');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no axe-core violations and no sideways scrolling at 390 px with a mapping report on screen', async () => {
    // axe is injected as a script tag, which the app's CSP would rightly refuse.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=data', baseUrl).href);
      await page.waitForSelector('section.data-view[data-ready="true"]', { timeout: 30_000 });
      await waitForEngine(page);
      await page.getByTestId('file-input').setInputFiles(fixturePath('trackers/essex-firearms-own-words.csv'));
      await page.getByTestId('validation-report').waitFor();
      await expect.poll(() => page.getByTestId('map-value').count(), POLL).toBe(4);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await context.close();
    }
  });
});
