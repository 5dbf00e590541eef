import { describe, expect, it } from 'vitest';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { bindNamedParameters, filterParameters } from '../../../src/lib/sql-console/named-parameters';

const filters = { ...defaultFilters('2025-03-31'), region: 'Wales', inspections: ['firearms-2023', 'vawg-2021'] };
const parameters = filterParameters(filters);

describe('named parameters are bound by position, never spliced', () => {
  it('numbers each name once, in order of first use, with its type', () => {
    const bound = bindNamedParameters('SELECT * FROM t WHERE d <= $as_of AND r = $region AND e > $as_of', parameters);
    expect(bound).toEqual({
      ok: true,
      sql: 'SELECT * FROM t WHERE d <= CAST($1 AS DATE) AND r = CAST($2 AS VARCHAR) AND e > CAST($1 AS DATE)',
      params: ['2025-03-31', 'Wales'],
      used: ['as_of', 'region'],
    });
  });

  it('passes the inspections as text and reads them back as a list (empty text = empty list)', () => {
    const bound = bindNamedParameters('SELECT $inspections', parameters);
    expect(bound.ok && bound.sql).toBe("SELECT coalesce(string_split(nullif(CAST($1 AS VARCHAR), ''), ','), []::VARCHAR[])");
    expect(bound.ok && bound.params).toEqual(['firearms-2023,vawg-2021']);
  });

  it('leaves $names inside strings and comments alone', () => {
    const sql = "SELECT '$as_of' AS label -- $region\n, $$ $pending $$ AS s";
    expect(bindNamedParameters(sql, parameters)).toEqual({ ok: true, sql, params: [], used: [] });
  });

  it('refuses an unknown name, listing the known ones', () => {
    const bound = bindNamedParameters('SELECT $asof', parameters);
    expect(bound.ok).toBe(false);
    expect(!bound.ok && bound.reason).toBe('Unknown parameter $asof. Available: $as_of, $region, $inspections, $pending.');
  });

  it('refuses positional parameters, which would collide with the bound ones', () => {
    const bound = bindNamedParameters('SELECT $1', parameters);
    expect(!bound.ok && bound.reason).toMatch(/positional \$1/);
  });

  it('binds no region as NULL: "all of England and Wales"', () => {
    const bound = bindNamedParameters('SELECT $region', filterParameters(defaultFilters('2025-03-31')));
    expect(bound.ok && bound.params).toEqual([null]);
  });
});
