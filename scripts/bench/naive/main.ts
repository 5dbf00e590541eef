/**
 * The naive path the benchmark compares the app with: boot DuckDB-wasm, load the data, run one
 * GROUP BY straight on the raw status updates, draw it with Plot; every filter change re-runs the
 * query and redraws. Deliberately independent of src/ so the baseline stays the same while the
 * app changes. It exposes the app's timing marks and the same controls and render-done attributes
 * (section.view[data-ready][data-asof][data-filters-key]), so one driver measures both pages.
 *
 *   ?csv=URL  load a generated status CSV with read_csv; otherwise the shipped demo statuses.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import * as Plot from '@observablehq/plot';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import forcesCsv from '../../../data/forces.csv?raw';
import demoStatusesUrl from '../../../data/status-illustrative.arrows?url';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

const RANKING_SQL = `WITH latest AS (
  SELECT force_id, inspection_id, rec_no, arg_max(status, as_of) AS status
  FROM status_updates WHERE as_of <= $1::DATE
  GROUP BY force_id, inspection_id, rec_no
)
SELECT f.name, f.region, (count(*) FILTER (l.status = 'complete') / count(*))::DOUBLE AS rate
FROM latest l JOIN forces f USING (force_id)
WHERE $2 = '' OR f.region = $2
GROUP BY f.name, f.region
ORDER BY rate DESC`;

const STATUS_CSV_COLUMNS = `{'force_id': 'VARCHAR', 'inspection_id': 'VARCHAR', 'rec_no': 'INTEGER',
  'status': 'VARCHAR', 'as_of': 'DATE', 'evidence': 'VARCHAR', 'source': 'VARCHAR'}`;

const view = document.querySelector<HTMLElement>('section.view')!;
const chart = document.querySelector<HTMLDivElement>('#chart')!;
const status = document.querySelector<HTMLParagraphElement>('#status')!;
const asOfInput = document.querySelector<HTMLInputElement>('input[name=asof]')!;
const regionSelect = document.querySelector<HTMLSelectElement>('select[name=region]')!;

async function boot(): Promise<duckdb.AsyncDuckDBConnection> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(bundle.mainWorker!));
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const conn = await db.connect();
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');
  performance.mark('oversight:engine-ready');

  await db.registerFileBuffer('forces.csv', new TextEncoder().encode(forcesCsv));
  await conn.query(`CREATE TABLE forces AS SELECT * FROM read_csv('forces.csv', header = true, all_varchar = true)`);
  const csvUrl = new URLSearchParams(location.search).get('csv');
  if (csvUrl) {
    // As a file a user picks: DuckDB reads it through a FileReader, not a copy in wasm memory.
    const blob = await (await fetch(csvUrl)).blob();
    await db.registerFileHandle('status.csv', new File([blob], 'status.csv'), duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    await conn.query(`CREATE TABLE status_updates AS
      SELECT * FROM read_csv('status.csv', header = true, columns = ${STATUS_CSV_COLUMNS})`);
  } else {
    const bytes = new Uint8Array(await (await fetch(demoStatusesUrl)).arrayBuffer());
    await conn.insertArrowFromIPCStream(bytes, { name: 'status_updates', create: true });
  }
  performance.mark('oversight:data-loaded');
  return conn;
}

async function main(): Promise<void> {
  const conn = await boot();
  const extent = (await conn.query(`SELECT strftime(min(as_of), '%Y-%m-%d') AS first, strftime(max(as_of), '%Y-%m-%d') AS last
    FROM status_updates`)).get(0)!;
  asOfInput.min = String(extent.first);
  asOfInput.max = asOfInput.value = String(extent.last);
  for (const row of (await conn.query('SELECT DISTINCT region FROM forces ORDER BY region')).toArray()) {
    regionSelect.add(new Option(String(row.region), String(row.region)));
  }
  const ranking = await conn.prepare(RANKING_SQL);

  let latest = 0;
  const draw = async (): Promise<void> => {
    const request = ++latest;
    const filters = { asOf: asOfInput.value, region: regionSelect.value || null };
    const rows = (await ranking.query(filters.asOf, filters.region ?? '')).toArray().map((row) => row.toJSON());
    if (request !== latest) return;
    const figure = Plot.plot({
      marginLeft: 140,
      height: Math.max(120, rows.length * 17 + 60),
      x: { domain: [0, 1], tickFormat: '%', grid: true },
      y: { label: null },
      marks: [Plot.barX(rows, { x: 'rate', y: 'name', fill: 'region', sort: { y: '-x' } }), Plot.ruleX([0])],
    });
    chart.replaceChildren(figure);
    view.dataset.ready = 'true';
    view.dataset.asof = filters.asOf;
    view.dataset.filtersKey = JSON.stringify(filters);
    if (performance.getEntriesByName('oversight:first-chart').length === 0) performance.mark('oversight:first-chart');
    status.textContent = `${rows.length} forces as on ${filters.asOf}`;
  };
  asOfInput.addEventListener('change', () => void draw());
  regionSelect.addEventListener('change', () => void draw());
  await draw();
}

main().catch((cause: unknown) => {
  status.textContent = `Failed: ${cause instanceof Error ? cause.message : String(cause)}`;
  status.setAttribute('role', 'alert');
  console.error(cause);
});
