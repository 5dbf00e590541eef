/**
 * How inspections are named by people, as SQL macros: one key that the id, the full title, the
 * title without its "An inspection of" prefix, and any of the inspectorate's web addresses for
 * the report all reduce to, so every file kind and the Data view's lists match them alike.
 *
 * - `ingest_url_tail`: a web address → its last path segment, without query, fragment, trailing
 *   slash or .pdf/.html ("…/publication-html/how-effective-…-firearms/" → "how-effective-…-firearms");
 *   anything that does not look like an address is returned as it is.
 * - `ingest_inspection_key`: the text key of that, with quotes dropped ("force's" = "forces"), "&"
 *   read as "and", and a leading "An inspection of", "A joint inspection of", "The", "PEEL" or
 *   "HMICFRS" dropped.
 */
export const REFERENCE_KEY_MACROS = [
  `CREATE OR REPLACE MACRO ingest_url_tail(s) AS
     CASE WHEN regexp_matches(s, '^\\s*(https?://|www\\.|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+/)')
       THEN regexp_replace(
         regexp_extract(regexp_replace(regexp_replace(trim(s), '[?#].*$', ''), '/+$', ''), '([^/]+)$', 1),
         '\\.(pdf|html?|aspx?)$', '', 'i')
       ELSE s END`,
  `CREATE OR REPLACE MACRO ingest_inspection_key(s) AS
     regexp_replace(
       ingest_text_key(replace(regexp_replace(ingest_url_tail(s), '[''"‘’“”\`´]', '', 'g'), '&', ' and ')),
       '^(hmicfrs |hmic )?(the )?((an |a )?(joint )?(thematic )?inspection (of|into) |peel )?(the )?', '')`,
] as const;
