import type { Connector } from '../../db/connector';
import type { Filters } from '../common/filters';
import { rowsOf } from '../common/rows';
import type { SqlParam } from '../../db/connector';
import { idList } from '../common/subject-params';
import { inListParam } from '../common/list-param.sql';

/**
 * A PCC's section-55 comments on a report, as on D:
 * - on_time: published on or before report published + 55 days (publication is day 1, so that is day 56);
 * - late: published after that day;
 * - date_not_known: the response is recorded but its publication date is not;
 * - window_open: nothing recorded yet and day 56 has not passed;
 * - not_recorded: nothing recorded and day 56 has passed. (We cannot tell "not published" from
 *   "not in the data".)
 * A response dated after D is treated as not yet published on D.
 */
export type ResponseState = 'on_time' | 'late' | 'date_not_known' | 'window_open' | 'not_recorded';

export interface ResponseRow {
  force_id: string;
  force_name: string;
  region: string;
  inspection_id: string;
  title: string;
  report_published: string;
  /** Day 56: report published + 55 days. */
  last_day_on_time: string;
  response_published: string | null;
  /** Day number of the response, publication day = day 1. */
  response_day: number | null;
  url: string | null;
  note: string | null;
  state: ResponseState;
}

export interface ResponseQuery {
  /** Force ids; empty = every force. */
  forces: readonly string[];
  /** One inspection, or null for every inspection in the filters. */
  inspection: string | null;
  /** Only forces with a response recorded (on D), instead of every force × report. */
  recordedOnly: boolean;
}

// Parameters: $1 as-of date, $2 inspection ids of the filters ('' = all), $3 force ids ('' = all),
// $4 one inspection ('' = all), $5 recorded only.
function responseParams(filters: Filters, query: ResponseQuery): SqlParam[] {
  return [filters.asOf, filters.inspections.join(','), idList(query.forces), query.inspection ?? '', query.recordedOnly];
}

// Of two responses to one report, the earliest known date decides.
const RESPONSE_STATE_CTE = `
first_response AS (
  SELECT * FROM responses
  WHERE published IS NULL OR published <= $1::DATE
  QUALIFY row_number() OVER (PARTITION BY force_id, inspection_id ORDER BY published NULLS LAST) = 1
),
reports AS (
  SELECT f.force_id, f.name AS force_name, f.region, i.inspection_id, i.title,
         i.published AS report_published, i.published + 55 AS last_day_on_time
  FROM forces f CROSS JOIN inspections i
  WHERE i.published <= $1::DATE
    AND ${inListParam('$2', 'i.inspection_id')}
    AND ${inListParam('$3', 'f.force_id')}
    AND ($4 = '' OR i.inspection_id = $4)
),
response_states AS (
  SELECT p.*, r.published AS response_published,
         (r.published - p.report_published + 1)::INTEGER AS response_day,
         r.url, r.note,
         CASE WHEN r.force_id IS NOT NULL AND r.published IS NULL THEN 'date_not_known'
              WHEN r.published <= p.last_day_on_time THEN 'on_time'
              WHEN r.published IS NOT NULL THEN 'late'
              WHEN $1::DATE <= p.last_day_on_time THEN 'window_open'
              ELSE 'not_recorded' END AS state
  FROM reports p
  LEFT JOIN first_response r ON r.force_id = p.force_id AND r.inspection_id = p.inspection_id
  WHERE NOT $5 OR r.force_id IS NOT NULL
)`;

const RESPONSES_SQL = `WITH ${RESPONSE_STATE_CTE}
SELECT force_id, force_name, region, inspection_id, title, report_published, last_day_on_time,
       response_published, response_day, url, note, state
FROM response_states
ORDER BY report_published DESC, inspection_id, force_name`;

/** Section-55 responses by force and report, with whether each was on time. */
export async function responses(db: Connector, filters: Filters, query: ResponseQuery): Promise<ResponseRow[]> {
  return rowsOf<ResponseRow>(
    await db.query(RESPONSES_SQL, responseParams(filters, query)),
  );
}

export interface ResponseSummary {
  recorded: number;
  on_time: number;
  late: number;
  date_not_known: number;
  /** on time ÷ responses with a known date (on time + late); null when none has a known date. */
  on_time_rate: number | null;
}

const RESPONSE_SUMMARY_SQL = `WITH ${RESPONSE_STATE_CTE}
SELECT count(*) FILTER (state IN ('on_time', 'late', 'date_not_known'))::INTEGER AS recorded,
       count(*) FILTER (state = 'on_time')::INTEGER AS on_time,
       count(*) FILTER (state = 'late')::INTEGER AS late,
       count(*) FILTER (state = 'date_not_known')::INTEGER AS date_not_known,
       (count(*) FILTER (state = 'on_time') / nullif(count(*) FILTER (state IN ('on_time', 'late')), 0))::DOUBLE AS on_time_rate
FROM response_states`;

/** How many responses are recorded and how many of those with a known date were on time. */
export async function responseSummary(db: Connector, filters: Filters, query: Omit<ResponseQuery, 'recordedOnly'>): Promise<ResponseSummary> {
  const [row] = rowsOf<ResponseSummary>(
    await db.query(RESPONSE_SUMMARY_SQL, responseParams(filters, { ...query, recordedOnly: true })),
  );
  if (!row) throw new Error('response summary query returned no row');
  return row;
}

export const RESPONSE_DEFINITION =
  'Response on time: the PCC’s comments published on or before report published + 55 days. The publication day is day 1, so day 56 is the last day on time. On-time rate of responses: on time ÷ responses with a known date.';
