import type { Connector } from '../../db/connector';
import type { PairStatus } from '../../data/schema';
import { filterParams, type Filters } from '../common/filters';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';

export interface OverdueItem {
  force_id: string;
  force: string;
  region: string;
  inspection_id: string;
  inspection: string;
  rec_no: number;
  status: PairStatus;
  /** D − due_date. */
  days_overdue: number;
  due_date: string;
  /** The latest update on or before D; null when there is none (status no_update). */
  last_update: string | null;
  /** The latest evidence on or before D (it may be older than the last update), and its source. */
  evidence: string | null;
  source: string | null;
}

/** The columns the overdue list can be ordered by. */
export const OVERDUE_SORT_KEYS = ['days_overdue', 'force', 'region', 'inspection', 'rec_no', 'due_date', 'last_update'] as const;
export type OverdueSortKey = (typeof OVERDUE_SORT_KEYS)[number];
export interface OverdueSort {
  key: OverdueSortKey;
  descending: boolean;
}
export const DEFAULT_OVERDUE_SORT: OverdueSort = { key: 'days_overdue', descending: true };

export interface OverdueList {
  /** Every overdue pair in the filters; `items` holds the first `limit` of them in the order asked. */
  total: number;
  items: OverdueItem[];
}

/**
 * How many overdue items the list shows at first, and how many more each "Show more" asks for:
 * a screenful or two to read. Every row is drawn again on each change of date or filter, and 200
 * rows were most of the national view's page (over 2,000 of its 5,800 elements).
 */
export const OVERDUE_LIST_LIMIT = 50;
/** The most the list grows to: past it, the CSV of the data or a narrower filter serves better. */
export const OVERDUE_LIST_MAX = 1000;
/** A number of rows asked for, as a whole number of pages between the first and the most. */
export const overdueRowsWithin = (rows: number): number =>
  Math.min(OVERDUE_LIST_MAX, Math.max(OVERDUE_LIST_LIMIT, Math.ceil(rows / OVERDUE_LIST_LIMIT) * OVERDUE_LIST_LIMIT));

/**
 * Overdue on D: in scope, due_date < D, status not complete; days overdue = D − due_date.
 * Parameters as in `filterParams`, then $8 sort column, $9 descending, $10 limit. Ties are broken
 * by days overdue, force, inspection and recommendation, so the order is always the same.
 * The total is count(*) OVER () (taken before the LIMIT, so it counts every overdue row). A count
 * joined on reads the pairs twice in the page's engine: DuckDB inlines a CTE without aggregates at
 * each reference. In the built page on the bench's 1M file (22,776 overdue rows on one day) 44-46 ms joined,
 * 32-33 ms windowed; on the demo data 16-17 against 12-14. (Native DuckDB under Node, threaded,
 * measured the opposite: the browser's engine is the one users run.)
 */
const overdueSql = (pairs: PairRows) => `WITH ${pairs.scored},
overdue_pairs AS (SELECT * FROM scored WHERE overdue),${pairs.withUpdates('overdue_pairs', 'overdue_updated')},
listed AS (
  SELECT o.force_id, o.name AS force, o.region, o.inspection_id, i.title AS inspection, o.rec_no,
         o.status, o.days_overdue::INTEGER AS days_overdue, o.due_date, o.last_update,
         o.evidence, o.evidence_source AS source
  FROM overdue_updated o
  JOIN inspections i ON i.inspection_id = o.inspection_id
),
keyed AS (
  SELECT *,
         CASE $8 WHEN 'days_overdue' THEN days_overdue
                 WHEN 'rec_no' THEN rec_no
                 WHEN 'due_date' THEN due_date - DATE '2000-01-01'
                 WHEN 'last_update' THEN last_update - DATE '2000-01-01' END AS number_key,
         CASE $8 WHEN 'force' THEN force WHEN 'region' THEN region WHEN 'inspection' THEN inspection END AS text_key
  FROM listed
)
SELECT * EXCLUDE (number_key, text_key), (count(*) OVER ())::INTEGER AS total
FROM keyed
ORDER BY CASE WHEN $9 THEN number_key END DESC NULLS LAST,
         CASE WHEN NOT $9 THEN number_key END ASC NULLS LAST,
         CASE WHEN $9 THEN text_key END DESC NULLS LAST,
         CASE WHEN NOT $9 THEN text_key END ASC NULLS LAST,
         days_overdue DESC, force, inspection_id, rec_no
LIMIT $10`;

export async function overdueList(
  db: Connector, filters: Filters, sort: OverdueSort = DEFAULT_OVERDUE_SORT, limit = OVERDUE_LIST_LIMIT,
  pairs = PLAIN_PAIRS,
): Promise<OverdueList> {
  const rows = rowsOf<OverdueItem & { total: number }>(
    await db.query(overdueSql(pairs), [...filterParams(filters), sort.key, sort.descending, limit]),
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...item }) => item) };
}
