/**
 * The last update and evidence as on D of each pair a CTE names, as `pair_updates` (force_id,
 * inspection_id, rec_no, last_update, last_source, evidence, evidence_as_of, evidence_source),
 * from every update on or before D:
 * - last update: the latest update on or before D, and its source;
 * - evidence: the latest update on or before D with non-blank evidence (it may be older than the
 *   last update), its date and its source.
 * Of two updates on one date, the later-loaded stands.
 */
export const plainPairUpdates = (chosen: string) => `
updates AS (
  SELECT u.* FROM status_updates u
  SEMI JOIN ${chosen} c ON c.force_id = u.force_id AND c.inspection_id = u.inspection_id AND c.rec_no = u.rec_no
  WHERE u.as_of <= $1::DATE
),
last_update AS (
  SELECT force_id, inspection_id, rec_no,
         max(as_of) AS last_update, arg_max(source, (as_of, seq)) AS last_source
  FROM updates GROUP BY force_id, inspection_id, rec_no
),
last_evidence AS (
  SELECT force_id, inspection_id, rec_no,
         arg_max(evidence, (as_of, seq)) AS evidence, max(as_of) AS evidence_as_of,
         arg_max(source, (as_of, seq)) AS evidence_source
  FROM updates WHERE coalesce(trim(evidence), '') <> ''
  GROUP BY force_id, inspection_id, rec_no
),
pair_updates AS (
  SELECT u.*, e.evidence, e.evidence_as_of, e.evidence_source
  FROM last_update u
  LEFT JOIN last_evidence e ON e.force_id = u.force_id AND e.inspection_id = u.inspection_id AND e.rec_no = u.rec_no
)`;

/**
 * `name`: the rows of `chosen` with the columns of `pair_updates` added (null for a pair with no
 * update on or before D).
 */
export const plainWithUpdates = (chosen: string, name: string) => `${plainPairUpdates(chosen)},
${name} AS (
  SELECT c.*, u.last_update, u.last_source, u.evidence, u.evidence_as_of, u.evidence_source
  FROM ${chosen} c
  LEFT JOIN pair_updates u ON u.force_id = c.force_id AND u.inspection_id = c.inspection_id AND u.rec_no = c.rec_no
)`;
