import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { launchChromium, openApp, waitForNationalView } from '../support/chromium';
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
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';

let browser: Browser;
let asOf: string;
let demoCompliance: string;
let longCompliance: string;
const baseUrl = inject('baseUrl');
// Two cores shared with the engine's worker: a load can take seconds on a busy machine.
const POLL = { timeout: 30_000 };
const fixturePath = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'oversight-data-view-'));

beforeAll(async () => {
  browser = await launchChromium();
  // The numbers the metrics SQL gives under Node, before and after long.csv replaces the demo statuses.
  const db = await openDemoData();
  asOf = (await dataExtent(db)).lastUpdate!;
  demoCompliance = formatPercent((await headline(db, defaultFilters(asOf))).complianceRate);
  await registerShippedLoads(db, new Date().toISOString());
  const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
  await acceptLoad(db, [await stage(db, 'long.csv', fixture('valid/long.csv'))], { kind: 'replace', loadIds: [illustrative.load_id] }, asOf);
  // The default as-of date follows the data: after the load it is the loaded data's last update.
  // The national view opens on the inspections the loaded statuses cover.
  longCompliance = formatPercent((await headline(db, openingFilters((await dataExtent(db)).lastUpdate!, await userCoverage(db)))).complianceRate);
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const status = (page: Page) => page.getByTestId('data-status');
const loadedLabels = (page: Page) => page.locator('[data-testid="loaded-entry"] td:nth-child(2)').allTextContents();

async function pick(page: Page, ...paths: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(paths);
}

async function national(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'National picture' }).click();
  await waitForNationalView(page);
  return (await page.getByTestId('headline-compliance').textContent())!;
}

async function dataView(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.waitForSelector('section.data-view[data-ready="true"]');
}

describe('data view', () => {
  it('loads a file through the file input: the illustrative label goes, the headline changes; undo puts both back', async () => {
    const { page, context, errors, requests } = await openApp(browser, baseUrl);
    try {
      expect(await page.getByTestId('headline-compliance').textContent()).toBe(demoCompliance);
      await dataView(page);
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Illustrative statuses (generated demo data)', 'Statuses read from PCC responses']);
      await pick(page, fixturePath('valid/long.csv'));
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 12 statuses from long.csv');
      await expect.poll(() => page.getByTestId('illustrative-notice').count(), POLL).toBe(0);
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', 'long.csv']);
      expect(await national(page)).toBe(longCompliance);
      expect(longCompliance).not.toBe(demoCompliance);

      await dataView(page);
      await page.getByTestId('undo').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Undone: Replace of Illustrative statuses (generated demo data) by long.csv.');
      await expect.poll(() => page.getByTestId('illustrative-notice').count(), POLL).toBe(1);
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Illustrative statuses (generated demo data)', 'Statuses read from PCC responses']);
      expect(await national(page)).toBe(demoCompliance);

      const origin = new URL(baseUrl).origin;
      expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      // The Parquet reader is fetched only when a Parquet file is read or written.
      expect(requests.filter((url) => url.includes('parquet_wasm'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('downloads the data as CSV (formulas neutralised) and Parquet, and a template that loads', async () => {
    const { page, context, requests } = await openApp(browser, baseUrl, '?view=data');
    try {
      await pick(page, fixturePath('malformed/formula-cells.csv'));
      await page.getByTestId('load-valid').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 1 status from formula-cells.csv.');
      const csvDownload = page.waitForEvent('download');
      await page.getByTestId('download-csv').click();
      const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
      expect(csv.split('\r\n')[0]).toBe('Force,Inspection,Recommendation,Status,Date,Evidence,Source');
      expect(csv).toContain(`Kent,firearms-2023,3,complete,2024-01-31,"'=HYPERLINK(""http://example.invalid"",""click"")",formula-cells.csv\r\n`);

      const parquetDownload = page.waitForEvent('download');
      await page.getByTestId('download-parquet').click();
      const parquet = readFileSync((await (await parquetDownload).path())!);
      expect([parquet.subarray(0, 4).toString(), parquet.subarray(-4).toString()]).toEqual(['PAR1', 'PAR1']);
      expect(requests.filter((url) => url.includes('parquet_wasm')).length).toBeGreaterThan(0);

      const templateDownload = page.waitForEvent('download');
      await page.getByTestId('download-template').click();
      const template = await templateDownload;
      expect(template.suggestedFilename()).toBe('oversight-template.csv');
      await pick(page, (await template.path())!);
      await expect.poll(() => status(page).textContent(), POLL).toMatch(/Loaded 4 statuses from [^ ]+ in [\d.]+ s\./);
    } finally {
      await context.close();
    }
  });

  it('shows the report for a bad file, loads nothing on request, and leaves the data as it was', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await pick(page, fixturePath('malformed/unknown-force.csv'));
      const report = page.getByTestId('validation-report');
      await report.waitFor();
      await expect(report.getByRole('heading', { name: 'Unknown force in column Force: 1 problem' }).count()).resolves.toBe(1);
      const cells = await report.locator('[data-testid="problems"] tbody tr').first().locator('td').allTextContents();
      expect(cells.slice(0, 4)).toEqual(['3', 'Force', 'Northumbira', 'Unknown force: Northumbira. Did you mean Northumbria?']);
      expect(await page.getByTestId('loadable-unknown-force.csv').textContent()).toBe('2 of 3');
      await page.getByTestId('load-nothing').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Nothing was loaded; your data is as it was.');
      expect(await page.getByTestId('validation-report').count()).toBe(0);
      expect(await page.getByTestId('illustrative-notice').count()).toBe(1);
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Illustrative statuses (generated demo data)', 'Statuses read from PCC responses']);
      expect(await national(page)).toBe(demoCompliance);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('loads the valid rows of a file with problems when asked', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=data');
    try {
      await pick(page, fixturePath('malformed/unknown-force.csv'));
      await page.getByTestId('load-valid').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 2 statuses from unknown-force.csv.');
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', 'unknown-force.csv']);
    } finally {
      await context.close();
    }
  });

  it('shows HTML from a cell as text, never as markup', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    try {
      await pick(page, fixturePath('malformed/html-cells.csv'));
      const report = page.getByTestId('validation-report');
      await report.waitFor();
      await expect(report.locator('td.value', { hasText: '<img src=x onerror=alert(1)>' }).count()).resolves.toBe(1);
      await expect(report.locator('td', { hasText: 'Unknown force: <img src=x onerror=alert(1)>.' }).count()).resolves.toBe(1);
      await expect(report.locator('td.value', { hasText: '<b>Complete</b>' }).count()).resolves.toBe(1);
      expect(await page.locator('main img, main b, main script').count()).toBe(0);
      await report.getByText('First rows as read').click();
      await expect(report.locator('td', { hasText: '<script>alert(1)</script>' }).count()).resolves.toBe(1);
      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(dialogs).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps loaded data over a reload, and forgets it on request', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=data');
    try {
      await pick(page, fixturePath('valid/long.csv'));
      await expect.poll(() => status(page).textContent(), POLL).toContain('Saved in this browser.');
      await page.reload();
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', 'long.csv']);
      expect(await page.getByTestId('restored').count()).toBe(1);
      expect(await page.getByTestId('illustrative-notice').count()).toBe(0);
      expect(await national(page)).toBe(longCompliance);

      await dataView(page);
      await page.getByTestId('forget').click();
      await page.getByTestId('forget-confirm').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Your data was forgotten');
      await expect.poll(() => page.getByTestId('illustrative-notice').count(), POLL).toBe(1);
      await page.reload();
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Illustrative statuses (generated demo data)', 'Statuses read from PCC responses']);
      expect(await national(page)).toBe(demoCompliance);
    } finally {
      await context.close();
    }
    // Two reloads, each starting the engine, and a save after the load's pre-aggregates: minutes on a shared machine.
  }, 240_000);

  it('replaces one loaded file with another, and undoes the replace', async () => {
    const { page, context } = await openApp(browser, baseUrl, '?view=data');
    try {
      await pick(page, fixturePath('valid/long.csv'));
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', 'long.csv']);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Replace long.csv' }).click();
      await (await chooser).setFiles(fixturePath('valid/statuses.parquet'));
      // A file of the user's replaced: what it changes is shown first, and it loads when accepted.
      await page.getByTestId('load-preview').waitFor({ timeout: 30_000 });
      await page.getByTestId('load-valid').click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 5 statuses from statuses.parquet');
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', 'statuses.parquet']);
      await page.getByTestId('undo').click();
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', 'long.csv']);
    } finally {
      await context.close();
    }
  });

  it('loads several files at once (CSV, wide, Arrow) and pasted text', async () => {
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      await pick(page, fixturePath('valid/history.csv'), fixturePath('valid/wide.csv'), fixturePath('valid/statuses.arrow'));
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 29 statuses from history.csv, wide.csv and statuses.arrow');
      await page.getByText('Paste CSV text instead').click();
      await page.getByTestId('paste-text').fill('Force;Inspection;Rec;Status;Date\nKent;firearms-2023;R7;Complete;31/10/2023\n');
      await page.getByRole('button', { name: 'Load pasted text' }).click();
      await expect.poll(() => status(page).textContent(), POLL).toContain('Loaded 1 status from pasted text.csv');
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Statuses read from PCC responses', 'history.csv', 'wide.csv', 'statuses.arrow', 'pasted text.csv']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses a file too large for the browser before reading it', async () => {
    const path = join(scratch, 'huge.csv');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, Math.round(1.2 * 1024 ** 3)); // sparse: no disk used, but the browser sees 1.2 GB
    closeSync(fd);
    const { page, context } = await openApp(browser, baseUrl, '?view=data');
    try {
      await pick(page, path);
      const report = page.getByTestId('validation-report');
      await report.waitFor();
      await expect(report.getByText('The file is 1.2 GB; Oversight reads files of up to 512 MB in the browser.').count()).resolves.toBe(1);
      expect(await page.getByTestId('load-valid').count()).toBe(0);
    } finally {
      await context.close();
      rmSync(path);
    }
  });

  it('has no axe-core violations with a report on screen', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(new URL('?view=data', baseUrl).href);
      await page.waitForSelector('section.data-view[data-ready="true"]');
      await pick(page, fixturePath('malformed/empty-cells.csv'));
      await page.getByTestId('validation-report').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('large files', () => {
  const rowsCsv = (n: number) => {
    const forces = ['Cleveland', 'Durham', 'Northumbria', 'Cheshire Constabulary', 'Cumbria', 'Greater Manchester Police', 'Lancashire', 'Merseyside'];
    const recs = [2, 3, 5, 6, 7, 8, 10, 12];
    const words = ['Awaiting allocation', 'In progress', 'Being progressed', 'Pending sign off', 'Complete', 'Amber', 'Green', 'Closed'];
    const lines = ['Force,Inspection,Rec,Status,Date,Evidence'];
    const start = Date.UTC(2023, 6, 12);
    for (let k = 0; k < n; k += 1) {
      const d = new Date(start + Math.floor(k / 64) * 86_400_000);
      const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
      lines.push(`${forces[k % 8]},firearms-2023,R${recs[Math.floor(k / 8) % 8]},${words[(k * 7 + Math.floor(k / 64)) % 8]},${date},"Update ${k}: work continues, see minutes"`);
    }
    return `${lines.join('\n')}\n`;
  };

  it('loads a million-row CSV with progress and rows per second, then builds its pre-aggregates and saves it', async () => {
    const path = join(scratch, 'million.csv');
    writeFileSync(path, rowsCsv(1_000_000));
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      // The longest gap between timer ticks on the main thread while loading: a frozen page shows one.
      await page.evaluate(() => {
        const w = window as unknown as { lagMax: number; lagLast: number; lagTimer: number };
        w.lagMax = 0;
        w.lagLast = performance.now();
        w.lagTimer = window.setInterval(() => {
          const now = performance.now();
          w.lagMax = Math.max(w.lagMax, now - w.lagLast);
          w.lagLast = now;
        }, 20);
      });
      const started = Date.now();
      await pick(page, path);
      await page.getByTestId('load-progress').waitFor();
      await expect.poll(() => page.getByTestId('load-progress').textContent(), { timeout: 60_000 }).toMatch(/rows read \([\d,]+ rows a second\)/);
      // "Loaded" shows once the rows are in; the pre-aggregates are built after it, in the background (issue 17).
      await expect.poll(() => status(page).textContent(), { timeout: 240_000 }).toContain('Loaded 1,000,000 statuses from million.csv');
      const seconds = (Date.now() - started) / 1000;
      // The build and then the save of the million rows follow: minutes on a loaded machine.
      await expect.poll(() => status(page).textContent(), { timeout: 300_000 }).toContain('Saved in this browser.');
      const saved = (Date.now() - started) / 1000;
      const lag = await page.evaluate(() => (window as unknown as { lagMax: number }).lagMax);
      // Timed figures are reported, not asserted (issue 17: timings belong to the bench, on a shared machine).
      console.log(`1M-row CSV loaded in Chromium in ${seconds.toFixed(1)} s; views' pre-aggregates rebuilt and saved in this browser at ${saved.toFixed(1)} s (longest main-thread pause ${Math.round(lag)} ms)`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(path);
    }
  }, 600_000);

  it('loads a million-row Parquet file', async () => {
    const path = join(scratch, 'million.parquet');
    const [header, ...lines] = rowsCsv(1_000_000).trimEnd().split('\n');
    const columns = header!.split(',');
    const cells = lines.map((line) => line.match(/^([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),"(.*)"$/)!.slice(1));
    const table = tableFromArrays(Object.fromEntries(columns.map((name, i) => [name, cells.map((row) => row[i]!)])));
    writeFileSync(path, (await loadParquetCodec()).fromArrowStream(tableToIPC(table, 'stream')));
    const { page, context, errors } = await openApp(browser, baseUrl, '?view=data');
    try {
      const started = Date.now();
      await pick(page, path);
      await expect.poll(() => status(page).textContent(), { timeout: 240_000 }).toContain('Loaded 1,000,000 statuses from million.parquet');
      console.log(`1M-row Parquet loaded in Chromium in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      rmSync(path);
    }
  }, 360_000);

  it('cancels a large load and leaves the data as it was', async () => {
    const path = join(scratch, 'cancel.csv');
    writeFileSync(path, rowsCsv(1_000_000));
    const { page, context } = await openApp(browser, baseUrl, '?view=data');
    try {
      await pick(page, path);
      await page.getByTestId('cancel-load').click();
      await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toContain('The load was cancelled; nothing was changed.');
      await expect.poll(() => loadedLabels(page), POLL).toEqual(['Illustrative statuses (generated demo data)', 'Statuses read from PCC responses']);
      expect(await page.getByTestId('illustrative-notice').count()).toBe(1);
    } finally {
      await context.close();
      rmSync(path);
    }
  }, 120_000);
});
