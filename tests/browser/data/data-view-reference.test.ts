import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, waitForNationalView } from '../support/chromium';
import { axeViolations } from '../support/axe-check';
import { openDemoData } from '../../sql/support/demo-data';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { openingFilters, userCoverage } from '../../../src/lib/metrics/common/user-coverage.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { formatInteger } from '../../../src/lib/charts/shared/format';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { stageFiles } from '../../../src/lib/data/ingest/stage/stage-load';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { SYNTHETIC_RECOMMENDATIONS_PER_INSPECTION } from '../../../scripts/lib/synthetic-inspections';
import { statusHistory } from '../../../src/lib/metrics/pairs/status-history.sql';

/**
 * The benchmark's generated files (inspections.csv, recommendations.csv and 10,000 statuses),
 * dropped together through the file input: the national view's count of recommendations tracked
 * becomes what the metrics SQL gives under Node for the same files, and stays so after a reload.
 */
let browser: Browser;
let demoTracked: string;
let loadedTracked: string;
/** How many synthetic inspections the generator added to reach 10,000 rows (it depends on the demo's natural histories). */
let synthetic: number;
const baseUrl = inject('baseUrl');
// Two cores shared with the engine's worker and other work: a load can take seconds.
const POLL = { timeout: 30_000 };
const generated = mkdtempSync(join(tmpdir(), 'oversight-generated-'));
// Statuses first: the drop's order must not matter.
const FILES = ['statuses.csv', 'recommendations.csv', 'inspections.csv'];

beforeAll(async () => {
  execFileSync('npx', ['tsx', 'scripts/generate-statuses.ts', '--updates', '10000', '--out-dir', generated,
    '--out-csv', join(generated, 'statuses.csv'), '--out-arrow', join(generated, 'statuses.arrows')], { stdio: 'pipe' });
  synthetic = readFileSync(join(generated, 'inspections.csv'), 'utf8').split('\n').filter((line) => line.startsWith('synthetic-')).length;
  browser = await launchChromium();
  const db = await openDemoData();
  demoTracked = formatInteger((await headline(db, defaultFilters((await dataExtent(db)).lastUpdate!))).recommendations);
  await registerShippedLoads(db, new Date().toISOString());
  const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
  const prepared = await Promise.all(FILES.map((f) => prepareFile(f, new Uint8Array(readFileSync(join(generated, f))), loadParquetCodec)));
  await acceptLoad(db, await stageFiles(db, prepared, { defaultDate: null }), { kind: 'replace', loadIds: [illustrative.load_id] }, new Date().toISOString());
  // The national view opens on the inspections the loaded statuses cover.
  loadedTracked = formatInteger((await headline(db, openingFilters((await dataExtent(db)).lastUpdate!, await userCoverage(db)))).recommendations);
});
afterAll(async () => {
  await browser?.close();
  rmSync(generated, { recursive: true, force: true });
});

const status = (page: Page) => page.getByTestId('data-status');
const loadedLabels = (page: Page) => page.locator('[data-testid="loaded-entry"] td:nth-child(2)').allTextContents();

async function trackedOnNationalView(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'National picture' }).click();
  await waitForNationalView(page);
  return (await page.getByTestId('headline-recommendations').textContent())!;
}

describe('data view: reference files', () => {
  it("loads the generator's inspections, recommendations and statuses in one drop; the national count follows, and survives a reload", async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      expect(loadedTracked).not.toBe(demoTracked);
      await page.getByTestId('file-input').setInputFiles(FILES.map((f) => join(generated, f)));
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      await expect.poll(() => status(page).textContent(), POLL).toMatch(new RegExp(
        `Loaded 10,000 statuses, ${plural(synthetic, 'inspection')} and ${plural(synthetic * SYNTHETIC_RECOMMENDATIONS_PER_INSPECTION, 'recommendation')} ` +
        'from statuses\\.csv, recommendations\\.csv and inspections\\.csv in [\\d.]+ s\\. Saved in this browser\\.'));
      console.log(`Generated 10k batch in Chromium: ${(await status(page).textContent())!.trim()}`);
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', ...FILES]);
      expect(await trackedOnNationalView(page)).toBe(loadedTracked);

      await page.reload();
      await waitForNationalView(page);
      await expect.poll(() => page.getByTestId('headline-recommendations').textContent(), POLL).toBe(loadedTracked);
      await page.getByRole('link', { name: 'Data', exact: true }).click();
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', ...FILES]);
      expect(await page.getByTestId('restored').count()).toBe(1);

      // The inspections are in use: removing them is refused, naming the files that use them.
      await page.getByRole('button', { name: 'Remove inspections.csv' }).click();
      await expect.poll(() => page.getByRole('alert').allTextContents(), POLL).toContainEqual(
        'That did not work, and nothing was changed: inspections.csv cannot be removed while statuses.csv, recommendations.csv use its inspections: remove those files first.');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("keeps a force's status history to its newest 40 recommendations on a phone, says how many there are, and names no report by its id", async () => {
    // The generated files and three more reports of five recommendations each: more recommendations
    // than a history holds. Every report is chosen in the address: more than a subtitle names.
    const extraInspections = join(generated, 'more-inspections.csv');
    const extraRecommendations = join(generated, 'more-recommendations.csv');
    const extra = ['more-01', 'more-02', 'more-03'];
    writeFileSync(extraInspections, `inspection_id,title,published,kind\n${extra.map((id, k) => `${id},Another report ${k + 1},2024-0${k + 1}-15,national thematic`).join('\n')}\n`);
    writeFileSync(extraRecommendations, `inspection_id,rec_no,text,for_forces,due_text\n${extra.flatMap((id) => [1, 2, 3, 4, 5].map((n) => `${id},${n},Chief constables should act.,true,By 30 June 2025`)).join('\n')}\n`);
    const files = [...FILES.map((f) => join(generated, f)), extraInspections, extraRecommendations];

    // What the metrics SQL gives for the same files under Node.
    const db = await openDemoData();
    await registerShippedLoads(db, new Date().toISOString());
    const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
    const prepared = await Promise.all(files.map((f) => prepareFile(f.split('/').pop()!, new Uint8Array(readFileSync(f)), loadParquetCodec)));
    await acceptLoad(db, await stageFiles(db, prepared, { defaultDate: null }), { kind: 'replace', loadIds: [illustrative.load_id] }, new Date().toISOString());
    const reports = (await db.query('SELECT DISTINCT inspection_id AS id FROM recommendations WHERE for_forces ORDER BY id')).toArray().map((r) => String(r.id));
    const [kent] = await statusHistory(db, { ...defaultFilters((await dataExtent(db)).lastUpdate!), inspections: reports }, 'kent');
    expect(kent!.recommendations).toBeGreaterThan(kent!.held);
    expect(reports.length).toBeGreaterThan(3);

    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.getByTestId('file-input').setInputFiles(files);
      await expect.poll(() => status(page).textContent(), POLL).toContain('Saved in this browser.');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(new URL(`?view=force&force=kent&insp=${reports.join(',')}`, baseUrl).href);
      const history = page.locator('figure', { hasText: 'each recommendation’s status over time' }).first();
      await expect.poll(() => history.locator('.note').allTextContents(), POLL).toContain(
        `The ${kent!.held} recommendations of the newest reports are drawn, of ${formatInteger(kent!.recommendations)} in all. `
        + 'The force view lists every one, and each report’s own page charts all of its recommendations.');
      await history.scrollIntoViewIfNeeded();
      await expect.poll(() => history.locator('[aria-label="y-axis tick label"] text').count(), POLL).toBe(kent!.held);
      const subtitle = (await history.getByTestId('subtitle').textContent()) ?? '';
      expect(subtitle).toContain(`· ${formatInteger(reports.length)} reports ·`);
      expect(subtitle).not.toMatch(/synthetic-|more-0|firearms-2023/);
      // A name longer than the margin is cut in the middle; the whole name is its title.
      const cut = history.locator('[aria-label="y-axis tick label"] text', { hasText: '…' }).first();
      expect(await cut.locator('title').textContent()).toMatch(/ · rec \d+$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("shows a responses file's rows in the force view's section-55 responses", async () => {
    const path = join(generated, 'kent-responses.csv');
    writeFileSync(path, 'Force,Inspection,Response published,Link,Notes\nKent Police,firearms-2023,01/09/2023,https://www.kent-pcc.gov.uk/firearms-response,Read on the PCC site\n');
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.getByTestId('file-input').setInputFiles(path);
      // Saved before the page is left: the force view opens on a fresh load of the page.
      await expect.poll(() => status(page).textContent(), POLL).toMatch(/Loaded 1 response from kent-responses\.csv in [\d.]+ s\. Saved in this browser\./);
      await page.goto(new URL('?view=force&force=kent', baseUrl).href);
      // Report published 11 July 2023 (day 1), response 1 September 2023: day 53, within the 56 days.
      const row = page.locator('[data-testid="responses"] tr[data-force="kent"][data-inspection="firearms-2023"]');
      await expect.poll(() => row.getAttribute('data-state'), POLL).toBe('on_time');
      expect(await row.locator('td').allTextContents()).toContain('1 September 2023');
      expect(await row.locator('.response-state').textContent()).toBe('On time (day 53)');
      expect(await row.locator('a[href="https://www.kent-pcc.gov.uk/firearms-response"]').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("keeps a force's older reports to one line each until opened, so many reports stay quick to draw", async () => {
    // Ten more reports, one recommendation for forces each: with the four shipped ones, fourteen.
    const ids = Array.from({ length: 10 }, (_, k) => `extra-${String(k + 1).padStart(2, '0')}`);
    const inspections = join(generated, 'extra-inspections.csv');
    const recommendations = join(generated, 'extra-recommendations.csv');
    writeFileSync(inspections, `inspection_id,title,published,kind\n${ids.map((id, k) => `${id},Extra report ${k + 1},2023-01-${String(k + 10)},national thematic`).join('\n')}\n`);
    writeFileSync(recommendations, `inspection_id,rec_no,text,for_forces,due_text\n${ids.map((id) => `${id},1,Chief constables should act.,true,By 30 June 2024`).join('\n')}\n`);
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await page.getByTestId('file-input').setInputFiles([inspections, recommendations]);
      await expect.poll(() => status(page).textContent(), POLL).toContain('Saved in this browser.');
      await page.goto(new URL('?view=force&force=kent', baseUrl).href);
      const tables = page.locator('table[data-testid^="recommendations-"]');
      const folded = page.locator('summary[data-testid^="report-summary-"]');
      await expect.poll(() => tables.count(), POLL).toBe(8);
      expect(await folded.count()).toBe(6);
      // Opening a folded report draws its table; its summary says what it holds.
      const last = folded.last();
      expect(await last.textContent()).toMatch(/^\s*\d+ rows?, \d+ overdue: show them\s*$/);
      await last.click();
      await expect.poll(() => tables.count(), POLL).toBe(9);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no axe-core violations with a recommendations report and the file kinds on screen', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=data', baseUrl).href);
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await page.getByTestId('file-input').setInputFiles(fileURLToPath(new URL('../../fixtures/malformed/recommendations-problems.csv', import.meta.url)));
      await page.getByTestId('validation-report').waitFor();
      expect(await page.getByTestId('kind-recommendations-problems.csv').textContent()).toBe('recommendations: one row per recommendation');
      await page.getByTestId('file-kinds').locator('summary').click();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
