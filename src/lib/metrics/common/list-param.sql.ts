/**
 * True when `column` is one of the comma-separated values of a text parameter, or the parameter is
 * '' (no filter). The list is a subquery DuckDB splits once and joins against, not
 * `list_contains(string_split(...))`, which splits the text again for every row read: at 1M updates
 * a filter on the 210 inspections a user's statuses cover took 221 ms over the daily counts with
 * list_contains and 23 ms with the subquery.
 */
export const inListParam = (param: `$${number}`, column: string) =>
  `(${param} = '' OR ${column} IN (SELECT unnest(string_split(${param}, ','))))`;
