import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openNativeConnector } from '../src/lib/db/native-connector';
import { nativeTableToIpc } from '../src/lib/db/native-arrow';
import { recordFirstView } from '../src/lib/state/engine/first-view-snapshot';
import { PUBLISHED_DATABASE, PUBLISHED_FOLDER, PUBLISHED_SNAPSHOT, PUBLISHED_STATUSES, publishedMeta } from '../src/lib/data/published-dataset';
import { loadDataset } from './load-files';

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Writes a copy of the built app whose data and first view are the given files: the dataset as a
 * DuckDB database beside the app (read by the browser in ranges), its first view recorded, and
 * the statuses as Parquet for anyone who wants the data itself. Returns what was written.
 */
export async function buildSite(files: readonly string[], out: string, defaultDate: string | null, dist = 'dist'): Promise<string> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${resolve(dist)} has no built app: run npm run build first`);
  const target = resolve(out);
  if (resolve(dist) === target) throw new Error('--out must be another folder than the built app itself');
  rmSync(target, { recursive: true, force: true });
  cpSync(dist, target, { recursive: true });
  const folder = join(target, PUBLISHED_FOLDER);
  mkdirSync(folder, { recursive: true });

  const db = await openNativeConnector();
  try {
    const { groups } = await loadDataset(db, files, defaultDate);
    const leftOut = groups.reduce((sum, group) => sum + group.count, 0);
    const { snapshot, lastUpdate } = await recordFirstView(db, nativeTableToIpc, `published:${new Date().toISOString()}`, { ownScope: false });
    writeFileSync(join(folder, PUBLISHED_SNAPSHOT), JSON.stringify(snapshot));
    await db.query(`COPY (SELECT * FROM status_updates ORDER BY seq) TO ${sqlText(join(folder, PUBLISHED_STATUSES))} (FORMAT parquet, COMPRESSION zstd)`);
    // Every table, pre-aggregates included, so the browser reads figures instead of rebuilding them.
    await db.query(`ATTACH ${sqlText(join(folder, PUBLISHED_DATABASE))} AS published`);
    await db.query('COPY FROM DATABASE memory TO published');
    await db.query('DETACH published');

    const indexHtml = join(target, 'index.html');
    writeFileSync(indexHtml, readFileSync(indexHtml, 'utf8').replace('</head>', `  ${publishedMeta(`${PUBLISHED_FOLDER}/${PUBLISHED_DATABASE}`)}\n  </head>`));
    return [
      `Wrote ${target}: the app with ${files.length ? files.join(', ') : 'the demo data'} as its data${lastUpdate ? `, last update ${lastUpdate}` : ''}.`,
      leftOut ? `${leftOut} problems in the files: those rows were left out (oversight check lists them).` : '',
      `Publish the whole folder on a static host; ${PUBLISHED_FOLDER}/${PUBLISHED_STATUSES} holds the statuses as Parquet.`,
    ].filter(Boolean).join('\n');
  } finally {
    db.close();
  }
}
