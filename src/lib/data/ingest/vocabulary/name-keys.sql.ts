/**
 * How names are compared, as SQL macros, so that the mapping tables and the values read from a
 * file are keyed by the very same function.
 *
 * - `ingest_text_key`: lower case, every run of punctuation or spacing one space
 *   ("Pending sign-off" = "pending sign off", "awaiting-review" = "awaiting review").
 * - `ingest_force_key`: the text key with "&" read as "and", a leading "the" and a trailing
 *   Police / Constabulary / Police Service / Police Force dropped
 *   ("Devon & Cornwall Police" = "devon-and-cornwall" = "Devon and Cornwall").
 */
/** Runs of anything but a lower-case letter or a digit: one space in a key. */
export const KEY_SEPARATOR_PATTERN = '[^a-z0-9]+';

export const NAME_KEY_MACROS = [
  // A cell as read: outer spaces, tabs, line breaks and no-break spaces (Excel's) dropped; blank is NULL.
  `CREATE OR REPLACE MACRO ingest_clean(s) AS
     nullif(trim(s, chr(32) || chr(9) || chr(10) || chr(13) || chr(160)), '')`,
  `CREATE OR REPLACE MACRO ingest_text_key(s) AS
     trim(regexp_replace(lower(s), '${KEY_SEPARATOR_PATTERN}', ' ', 'g'))`,
  `CREATE OR REPLACE MACRO ingest_force_key(s) AS
     regexp_replace(
       regexp_replace(ingest_text_key(replace(s, '&', ' and ')), '^the ', ''),
       '( police service| police force| constabulary| police)+$', '')`,
] as const;

/** Two names are "near" when a typo or two apart: the test behind every "did you mean". */
export const NEAR_MISS_SQL = (a: string, b: string) =>
  `(jaro_winkler_similarity(${a}, ${b}) >= 0.85 OR levenshtein(${a}, ${b}) <= 2)`;
