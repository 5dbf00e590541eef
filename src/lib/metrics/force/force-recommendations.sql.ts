import type { Connector } from '../../db/connector';
import type { PairStatus } from '../../data/schema';
import type { Filters } from '../common/filters';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';
import { idList, subjectSlot, withSubject } from '../common/subject-params';

export interface ForceRecommendation {
  force_id: string;
  force_name: string;
  inspection_id: string;
  rec_no: number;
  text: string | null;
  due_text: string | null;
  due_date: string | null;
  status: PairStatus;
  in_scope: boolean;
  overdue: boolean;
  /** D − due_date when overdue, else null. */
  days_overdue: number | null;
  /** First done on or before the due date (see PAIR_TIMING_CTE). */
  on_time: boolean;
  /** The latest update on or before D, and where it came from. */
  last_update: string | null;
  last_source: string | null;
  /** The latest update on or before D that carries evidence (it may be older than the last update). */
  evidence: string | null;
  evidence_as_of: string | null;
  evidence_source: string | null;
  source_url: string | null;
}

/** A report with recommendations for the forces, newest first, and its rows if they are asked for. */
export interface ForceReport {
  inspection_id: string;
  title: string;
  /** The report's publication date. */
  published: string;
  /** Its rows in all (with two forces, both forces' rows), and how many are overdue. */
  row_count: number;
  overdue_count: number;
  /** One of the newest reports, whose rows always come (OPEN_NEWEST_REPORTS). */
  newest: boolean;
  /** The report's rows, newest reports' and those opened; null for a report folded to its line. */
  rows: ForceRecommendation[] | null;
}

/**
 * How many of the newest reports come with their rows. An analyst's extract gives a force hundreds
 * of reports and thousands of recommendations; each older report is a line until opened, and its
 * rows are asked for then: copied to the page with their wording and evidence, a force's 2,075
 * rows in the bench's 1M file took 22 ms of each force change's main-thread work (a CPU profile).
 */
export const OPEN_NEWEST_REPORTS = 8;

const FORCES = subjectSlot(1);
const NEWEST = subjectSlot(2);
const OPENED = subjectSlot(3);

// The forces as a join, not list_contains: DuckDB passes a join's key range down to the table
// scan, so from rows sorted by force (FORCE_PAIRS) it reads the chosen forces' only. Each report
// is one line (rec_no NULL, first in its report), then its rows if they are asked for; the last
// updates and evidence are looked up for those rows only.
const forceRecommendationsSql = (pairs: PairRows) => `WITH ${pairs.timed},
chosen AS (SELECT * FROM timed WHERE force_id IN (SELECT unnest(string_split(${FORCES}, ',')))),
reports AS (
  SELECT inspection_id, any_value(published) AS published, count(*)::INTEGER AS row_count,
         (count(*) FILTER (WHERE overdue))::INTEGER AS overdue_count
  FROM chosen GROUP BY inspection_id
),
placed AS (
  SELECT *, row_number() OVER (ORDER BY published DESC, inspection_id) <= ${NEWEST}::INTEGER AS newest
  FROM reports
),
shown AS (
  SELECT *, newest OR inspection_id IN (SELECT unnest(string_split(${OPENED}, ','))) AS open FROM placed
),
open_pairs AS (SELECT * FROM chosen WHERE inspection_id IN (SELECT inspection_id FROM shown WHERE open)),${pairs.withUpdates('open_pairs', 'open_updated')}
SELECT s.inspection_id, i.title, s.published, s.row_count, s.overdue_count, s.newest, s.open,
       NULL::VARCHAR AS force_id, NULL::VARCHAR AS force_name, NULL::INTEGER AS rec_no,
       NULL::VARCHAR AS text, NULL::VARCHAR AS due_text, NULL::DATE AS due_date, NULL::VARCHAR AS status,
       NULL::BOOLEAN AS in_scope, NULL::BOOLEAN AS overdue, NULL::INTEGER AS days_overdue, NULL::BOOLEAN AS on_time,
       NULL::DATE AS last_update, NULL::VARCHAR AS last_source, NULL::VARCHAR AS evidence,
       NULL::DATE AS evidence_as_of, NULL::VARCHAR AS evidence_source, NULL::VARCHAR AS source_url
FROM shown s JOIN inspections i ON i.inspection_id = s.inspection_id
UNION ALL
SELECT c.inspection_id, NULL, c.published, NULL, NULL, NULL, NULL,
       c.force_id, c.name, c.rec_no, r.text, r.due_text, c.due_date, c.status, c.in_scope, c.overdue,
       c.days_overdue::INTEGER, c.on_time, c.last_update, c.last_source, c.evidence, c.evidence_as_of, c.evidence_source,
       r.source_url
FROM open_updated c
JOIN recommendations r ON r.inspection_id = c.inspection_id AND r.rec_no = c.rec_no
ORDER BY published DESC, inspection_id, rec_no NULLS FIRST, force_id`;

type ResultRow = Omit<ForceReport, 'rows'> & { open: boolean } & { [K in keyof ForceRecommendation]: ForceRecommendation[K] | null };
const REPORT_COLUMNS = ['title', 'published', 'row_count', 'overdue_count', 'newest', 'open'] as const;

/**
 * The reports with recommendations for the given forces as on D, newest first, each with its rows
 * if it is one of the newest `newest` or among `opened`: status, deadline, days overdue, last
 * update and evidence of each recommendation. With two forces, each recommendation has two rows,
 * one per force.
 */
export async function forceRecommendations(
  db: Connector,
  filters: Filters,
  forceIds: readonly string[],
  pairs = PLAIN_PAIRS,
  { newest = OPEN_NEWEST_REPORTS, opened = [] }: { newest?: number; opened?: readonly string[] } = {},
): Promise<ForceReport[]> {
  const rows = rowsOf<ResultRow>(await db.query(forceRecommendationsSql(pairs), withSubject(filters, idList(forceIds), newest, idList(opened))));
  const reports: ForceReport[] = [];
  for (const row of rows) {
    if (row.rec_no === null) {
      reports.push({
        inspection_id: row.inspection_id, title: row.title, published: row.published, row_count: row.row_count,
        overdue_count: row.overdue_count, newest: row.newest, rows: row.open ? [] : null,
      });
      continue;
    }
    // A recommendation's row: the report's columns are on its line.
    for (const key of REPORT_COLUMNS) delete (row as Partial<ResultRow>)[key];
    reports[reports.length - 1]!.rows!.push(row as ForceRecommendation);
  }
  return reports;
}
