import type { Connector } from '../db/connector';
import { rowsOf } from './rows';

export interface DataExtent {
  /** Earliest report publication: the first date with anything to show. */
  firstPublished: string | null;
  /** Latest status update: the default as-of date. */
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

export async function dataExtent(db: Connector): Promise<DataExtent> {
  const [row] = rowsOf<{ first_published: string | null; last_update: string | null; updates: number; sources: { toArray(): string[] } | null }>(
    await db.query(DATA_EXTENT_SQL),
  );
  if (!row) throw new Error('data extent query returned no row');
  return {
    firstPublished: row.first_published,
    lastUpdate: row.last_update,
    updates: row.updates,
    sources: row.sources ? [...row.sources.toArray()] : [],
  };
}
