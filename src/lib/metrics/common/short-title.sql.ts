/**
 * A report's short name for chart labels, from its title: without a leading "An inspection of",
 * cut at a subtitle (" – " or ":"), first letter capitalised, and at most 56 characters, cut at a
 * word with "…". The full title stays in tables and headings. `title` is a SQL expression.
 */
export const SHORT_TITLE_MAX = 56;

export function shortTitleSql(title: string): string {
  const core = `regexp_replace(regexp_replace(${title}, '^An inspection (of|into) ', ''), '\\s*(–|:).*$', '')`;
  const capitalised = `upper(left(${core}, 1)) || substr(${core}, 2)`;
  return `CASE WHEN length(${capitalised}) <= ${SHORT_TITLE_MAX} THEN ${capitalised}
    ELSE regexp_replace(left(${capitalised}, ${SHORT_TITLE_MAX}), '[\\s,;]+\\S*$', '') || '…' END`;
}
