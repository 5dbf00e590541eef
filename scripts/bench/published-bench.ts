/**
 * `npm run bench:published -- --size 1M`: a published dataset opened over HTTP. build-site on the
 * bench's generated statuses, a plain static host that answers range requests, cold Chromium
 * pages: the first chart (from the snapshot recorded beside the data), the engine holding the
 * dataset, and a date that is not in the snapshot (the engine reading the file in ranges), with
 * the bytes of the database each page fetched. Appends to bench/cli.md and writes bench/published.json.
 */
import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../../tests/browser/support/chromium';
import { buildSite } from '../../cli/build-site';
import { ensureDataset } from './datasets';
import { ALL_SIZES, type SizeLabel } from './options';
import { BENCH_OUT, BENCH_TMP, REPO_ROOT } from './paths';
import { serveWithRanges } from './range-host';

const { values } = parseArgs({ options: { size: { type: 'string', default: '1M' }, runs: { type: 'string', default: '2' } } });
const size = values.size as SizeLabel;
if (!(size in ALL_SIZES)) throw new Error(`unknown size ${size}`);

const dataset = await ensureDataset(size);
const site = join(BENCH_TMP, `published-${size}`);
let started = performance.now();
await buildSite([dataset.statusCsv, dataset.inspectionsCsv, dataset.recommendationsCsv], site, null, join(REPO_ROOT, 'dist'));
const buildSeconds = (performance.now() - started) / 1000;
const databaseBytes = statSync(join(site, 'dataset', 'oversight.duckdb')).size;

const host = await serveWithRanges(site);
const browser = await launchChromium();
const DATABASE = '/dataset/oversight.duckdb';
const runs = [];
try {
  for (let run = 0; run < Number(values.runs); run += 1) {
    for (const [label, search, ready] of [
      ['first view (recorded beside the data)', '', 'section.view[data-ready="true"]'],
      ['a date not recorded (engine reads the file)', '?asof=2025-06-30', 'section.view[data-ready="true"][data-asof="2025-06-30"]'],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const before = host.served.length;
      started = performance.now();
      await page.goto(`${host.origin}/${search}`);
      await page.waitForSelector(ready, { timeout: 300_000 });
      const shownMs = performance.now() - started;
      await page.waitForFunction(() => performance.getEntriesByName('oversight:data-loaded').length > 0, null, { timeout: 300_000 });
      const marks = await page.evaluate(() => Object.fromEntries(['oversight:first-chart', 'oversight:engine-ready', 'oversight:data-loaded']
        .map((name) => [name, Math.round(performance.getEntriesByName(name)[0]?.startTime ?? NaN)])));
      const database = host.served.slice(before).filter(({ path }) => path === DATABASE);
      runs.push({
        run, label, shownMs: Math.round(shownMs), marks,
        databaseRequests: database.length, databaseBytes: database.reduce((sum, { bytes }) => sum + bytes, 0),
        fullReads: database.filter(({ method, status }) => method === 'GET' && status === 200).length,
      });
      console.log(JSON.stringify(runs.at(-1)));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await host.close();
}

writeFileSync(`${BENCH_OUT}/published.json`, `${JSON.stringify({ date: new Date().toISOString(), size, buildSeconds, databaseBytes, runs }, null, 2)}\n`);
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
appendFileSync(`${BENCH_OUT}/cli.md`, [
  '',
  `## A published dataset over HTTP (${size} status updates)`,
  '',
  `\`npm run bench:published -- --size ${size}\`: build-site took ${buildSeconds.toFixed(1)} s; the database beside the app is ${mb(databaseBytes)}. Cold Chromium pages on a plain static host with range requests (no compression), ${values.runs} runs each:`,
  '',
  '| Page | Run | View shown | First chart | Engine ready | Engine holds the data | Database requests | Database bytes fetched | Whole-file reads |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...runs.map((r) => `| ${r.label} | ${r.run + 1} | ${r.shownMs} ms | ${r.marks['oversight:first-chart']} ms | ${r.marks['oversight:engine-ready']} ms | ${r.marks['oversight:data-loaded']} ms | ${r.databaseRequests} | ${mb(r.databaseBytes)} of ${mb(databaseBytes)} | ${r.fullReads} |`),
  '',
].join('\n'));
