import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, waitForEngine, waitForNationalView } from '../support/chromium';
import { axeViolations } from '../support/axe-check';
import { openDemoData } from '../../sql/support/demo-data';
import { fixture, stage } from '../../sql/support/ingest-helpers';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { previewGroups } from '../../../src/lib/metrics/changes/load-preview.sql';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { openingFilters, userCoverage } from '../../../src/lib/metrics/common/user-coverage.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { formatPercent } from '../../../src/lib/charts/shared/format';

/**
 * Issue 19, item 3. A North East tracker is loaded; a quarter later its export, saved under the
 * same name, is dropped again. Before anything loads, the Data view says what it would change:
 * the same groups the preview SQL gives under Node. Accepted, it replaces the first file, and the
 * national figures are those the metrics SQL gives for the second file.
 */
let browser: Browser;
let expectedGroups: string[];
let expectedCompliance: string;
const baseUrl = inject('baseUrl');
const POLL = { timeout: 30_000 };
const NAME = 'North East recommendations tracker.csv';
const Q1 = fixture('trackers/north-east-tracker-2024-q1.csv');
const Q2 = fixture('trackers/north-east-tracker-2024-q2.csv');
const asUpload = (bytes: Uint8Array) => ({ name: NAME, mimeType: 'text/csv', buffer: Buffer.from(bytes) });

beforeAll(async () => {
  browser = await launchChromium();
  const db = await openDemoData();
  await registerShippedLoads(db, new Date().toISOString());
  const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
  await acceptLoad(db, [await stage(db, NAME, Q1)], { kind: 'replace', loadIds: [illustrative.load_id] }, '2024-04-02');
  const q1 = (await listLoads(db)).find((entry) => entry.file_name === NAME)!;
  const q2 = await stage(db, NAME, Q2);
  expectedGroups = (await previewGroups(db, { staged: [q2], replaced: [q1] }))
    .map((g) => `${g.change} ${g.status_before} ${g.status_after} ${g.pairs}`);
  await acceptLoad(db, [q2], { kind: 'replace', loadIds: [q1.load_id] }, '2024-07-02');
  // The national view opens on the inspections the loaded statuses cover.
  expectedCompliance = formatPercent((await headline(db, openingFilters((await dataExtent(db)).lastUpdate!, await userCoverage(db)))).complianceRate);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.getByTestId('data-status');
const summary = (page: Page) => page.getByTestId('preview-summary').locator('li').evaluateAll((items) =>
  items.map((li) => `${li.getAttribute('data-change')} ${li.getAttribute('data-from')} ${li.getAttribute('data-to')} ${li.getAttribute('data-pairs')}`));

/** Loads the first quarter (one step: nothing of the user's to compare with), then drops the second. */
async function dropBothQuarters(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(asUpload(Q1));
  await expect.poll(() => status(page).textContent(), POLL).toContain(`Loaded 11 statuses from ${NAME}`);
  expect(await page.getByTestId('load-preview').count()).toBe(0);
  await page.getByTestId('file-input').setInputFiles(asUpload(Q2));
  await page.getByTestId('load-preview').waitFor({ timeout: 30_000 });
}

describe('what a new version of a tracker changes', { timeout: 180_000 }, () => {
  it('says what loading it changes, as the SQL does, lists and downloads the pairs, and loads it when accepted', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await dropBothQuarters(page);
      await expect.poll(() => summary(page), POLL).toEqual(expectedGroups);
      const preview = page.getByTestId('load-preview');
      expect(await preview.getByTestId('preview-summary').textContent()).toContain('2 pairs become complete, from in progress');
      expect(await preview.getByTestId('preview-summary').textContent()).toContain('1 pair goes from complete back to in progress');
      expect(await page.getByTestId('preview-replace').isChecked()).toBe(true);

      // The list of changes, opened from the keyboard, in words.
      await preview.getByText('Changes status: 5 pairs').focus();
      await page.keyboard.press('Enter');
      const rows = preview.getByTestId('preview-pairs').locator('tbody tr');
      await expect.poll(() => rows.count(), POLL).toBe(5);
      expect(await rows.last().locator('td').allTextContents()).toEqual([
        'Durham', 'How effective police forces are in the deployment of…, Recommendation 3', 'Complete', 'In progress (backwards)', '12 June 2024',
      ]);

      // Added beside instead, Northumbria keeps its statuses; replacing again brings the two lost pairs back.
      await page.getByTestId('preview-replace').focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.getByTestId('preview-add').isChecked()).toBe(true);
      await expect.poll(() => summary(page), POLL).toEqual(expectedGroups.filter((g) => !g.startsWith('removed')));
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => summary(page), POLL).toEqual(expectedGroups);

      const download = page.waitForEvent('download');
      await preview.getByTestId('preview-download').click();
      const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\r\n');
      expect(csv[0]).toBe('What happens,Force,Inspection,Recommendation,Status now,Status after loading,Date');
      expect(csv).toHaveLength(12);
      expect(csv).toContain('No longer has a status,Northumbria,How effective police forces are in the deployment of…,Recommendation 5,Complete,No update yet,2024-03-20');

      await page.getByTestId('load-valid').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain(`Loaded 10 statuses from ${NAME}`);
      expect(await page.getByTestId('load-preview').count()).toBe(0);
      await expect.poll(() => page.locator('[data-testid="loaded-entry"] td:nth-child(2)').allTextContents(), POLL)
        .toEqual(['Statuses read from PCC responses', NAME]);
      await page.getByRole('link', { name: 'National picture' }).click();
      await waitForNationalView(page);
      await expect.poll(() => page.getByTestId('headline-compliance').textContent(), POLL).toBe(expectedCompliance);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('pages a long list, 25 pairs at a time', async () => {
    // Every force's firearms recommendations 2, 3 and 5: in progress, then complete a quarter later.
    const forces = readFileSync('data/forces.csv', 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]!);
    const tracker = (status: string, date: string) => Buffer.from(['Force,Inspection,Rec,Status,Date',
      ...forces.flatMap((force) => [2, 3, 5].map((rec) => `${force},firearms-2023,R${rec},${status},${date}`))].join('\n'));
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await page.getByTestId('file-input').setInputFiles({ name: 'all forces.csv', mimeType: 'text/csv', buffer: tracker('In progress', '31/03/2024') });
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 129 statuses from all forces.csv');
      await page.getByTestId('file-input').setInputFiles({ name: 'all forces.csv', mimeType: 'text/csv', buffer: tracker('Complete', '30/06/2024') });
      const preview = page.getByTestId('load-preview');
      await preview.waitFor({ timeout: 30_000 });
      await expect.poll(() => summary(page), POLL).toEqual(['changed in_progress complete 129']);
      await preview.getByText('Changes status: 129 pairs').click();
      const rows = preview.getByTestId('preview-pairs').locator('tbody tr');
      await expect.poll(() => rows.count(), POLL).toBe(25);
      expect(await preview.getByTestId('preview-shown').textContent()).toBe('Pairs 1–25 of 129');
      const first = await rows.first().textContent();
      await preview.getByTestId('preview-next').click();
      await expect.poll(() => preview.getByTestId('preview-shown').textContent(), POLL).toBe('Pairs 26–50 of 129');
      expect(await rows.first().textContent()).not.toBe(first);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no axe-core violations and no sideways scrolling at 390 px with the preview open', async () => {
    // axe is injected as a script tag, which the app's CSP would rightly refuse.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=data', baseUrl).href);
      await page.waitForSelector('section.data-view[data-ready="true"]', { timeout: 30_000 });
      await waitForEngine(page);
      await dropBothQuarters(page);
      await page.getByText('Changes status: 5 pairs').click();
      await expect.poll(() => page.getByTestId('preview-pairs').locator('tbody tr').count(), POLL).toBe(5);
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      // Load nothing: the first quarter stays loaded.
      await page.getByTestId('load-nothing').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Nothing was loaded; your data is as it was.');
      await expect.poll(() => page.locator('[data-testid="loaded-entry"] td:nth-child(2)').allTextContents(), POLL)
        .toEqual(['Statuses read from PCC responses', NAME]);
    } finally {
      await context.close();
    }
  });
});
