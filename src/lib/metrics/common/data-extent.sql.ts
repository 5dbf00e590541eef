import type { Connector } from '../../db/connector';
import { rowsOf } from './rows';
import { localToday } from '../../data/ingest/warnings/local-today';

export interface DataExtent {
  /** Earliest report publication: the first date with anything to show. */
  firstPublished: string | null;
  /** Latest status update not after today: the default as-of date (a future-dated update never moves it). */
  lastUpdate: string | null;
  updates: number;
  /** Distinct sources of the status updates, e.g. 'illustrative', 'PCC response'. */
  sources: string[];
}

const DATA_EXTENT_SQL = `SELECT
  (SELECT min(published) FROM inspections) AS first_published,
  (SELECT max(as_of) FROM status_updates) AS last_update,
  (SELECT count(*) FROM status_updates)::INTEGER AS updates,
  (SELECT coalesce(list(DISTINCT source ORDER BY source), []) FROM status_updates) AS sources`;

export async function dataExtent(db: Connector, today = localToday()): Promise<DataExtent> {
  const [row] = rowsOf<{ first_published: string | null; last_update: string | null; updates: number; sources: { toArray(): string[] } | null }>(
    await db.query(DATA_EXTENT_SQL),
  );
  if (!row) throw new Error('data extent query returned no row');
  // Only a file with future-dated updates asks again (the usual query stays the build snapshot's).
  const lastUpdate = row.last_update !== null && row.last_update > today
    ? rowsOf<{ d: string | null }>(await db.query('SELECT max(as_of) AS d FROM status_updates WHERE as_of <= $1::DATE', [today]))[0]?.d ?? null
    : row.last_update;
  return {
    firstPublished: row.first_published,
    lastUpdate,
    updates: row.updates,
    sources: row.sources ? [...row.sources.toArray()] : [],
  };
}
