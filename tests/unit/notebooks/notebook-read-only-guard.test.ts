import { describe, expect, it } from 'vitest';
import { checkReadOnly } from '../../../src/lib/sql-console/read-only-guard';

/** The rule in notebooks/README.md, "What may run", one example at a time. */
const reason = (sql: string) => {
  const verdict = checkReadOnly(sql);
  return verdict.ok ? null : verdict.reason;
};

describe('read-only guard: statements that only read run', () => {
  it.each([
    'SELECT * FROM forces',
    'select count(*) from status_updates;',
    'WITH x AS (SELECT 1 AS a) SELECT * FROM x',
    'FROM forces SELECT name',
    'VALUES (1, 2)',
    'DESCRIBE forces',
    'SUMMARIZE status_updates',
    'SHOW TABLES',
    'EXPLAIN SELECT 1',
    'EXPLAIN ANALYZE SELECT count(*) FROM forces',
    "PRAGMA table_info('forces')",
    'PIVOT forces ON region USING count(*)',
    '(SELECT 1)',
    // Comments and strings are not code.
    "SELECT 'DELETE FROM forces; DROP TABLE forces' AS s",
    '-- DROP TABLE forces\nSELECT 1',
    '/* INSERT INTO forces /* nested */ VALUES (1) */ SELECT 1',
    'SELECT $$ ; DROP TABLE forces $$ AS s',
    "SELECT $tag$ it's; DELETE $tag$ AS s",
    "SELECT E'it\\'s; DROP TABLE x' AS s",
    // Names that look like keywords, written as names.
    'SELECT "load", "set" FROM forces',
    'SELECT f.update FROM forces f',
    // FROM inside a function is not a table; strings elsewhere are values.
    "SELECT trim(both 'x' FROM name), extract(year FROM published) FROM inspections",
    "SELECT name FROM forces WHERE name GLOB 'C*'",
    "SELECT source_url FROM inspections WHERE source_url LIKE 'https://%'",
    "SELECT name, 'x.csv' AS file FROM forces",
    'SELECT * FROM forces f JOIN inspections i ON true, responses r',
    'SELECT * FROM main.forces',
    "SELECT * FROM forces WHERE region IN ('Wales', 'London')",
  ])('%s', (sql) => {
    expect(reason(sql)).toBeNull();
  });
});

describe('read-only guard: statements that change data are refused with a clear message', () => {
  it.each([
    ['DELETE FROM forces', /DELETE is refused: DELETE removes rows/],
    ["INSERT INTO forces VALUES ('x')", /INSERT is refused/],
    ["UPDATE forces SET name = 'x'", /UPDATE is refused/],
    ['CREATE TABLE x AS SELECT 1', /CREATE is refused/],
    ['DROP TABLE forces', /DROP is refused/],
    ['ALTER TABLE forces ADD COLUMN x INT', /ALTER is refused/],
    ["COPY forces TO 'forces.csv'", /COPY is refused/],
    ["ATTACH 'other.db'", /ATTACH is refused/],
    ['INSTALL httpfs', /INSTALL is refused/],
    ['LOAD httpfs', /LOAD is refused/],
    ['SET threads = 1', /SET is refused/],
    ["EXPORT DATABASE 'out'", /EXPORT is refused/],
    ['CALL checkpoint()', /CALL is refused/],
    ['TRUNCATE forces', /only statements that read/i],
    ['SELEC 1', /starts with SELEC/],
    ['WITH d AS (DELETE FROM forces RETURNING *) SELECT * FROM d', /DELETE is refused/],
    ['EXPLAIN ANALYZE DELETE FROM forces', /DELETE is refused/],
    ['PRAGMA enable_profiling', /PRAGMA enable_profiling may change a setting/],
    ['SELECT 1; DROP TABLE forces', /one statement at a time: this text holds 2 statements/],
    ['SELECT 1; SELECT 2;', /one statement at a time/],
    ["SELECT 'never closed", /never closed/],
    ['', /no query/],
    ['-- only a comment', /no query/],
  ])('%s', (sql, message) => {
    expect(reason(sql)).toMatch(message);
  });
});

describe('read-only guard: reading files or URLs is refused', () => {
  it.each([
    "SELECT * FROM read_csv('secrets.csv')",
    "SELECT * FROM READ_PARQUET('https://example.org/x.parquet')",
    "SELECT * FROM \"read_json_auto\"('x.json')",
    "SELECT * FROM main.read_text('x')",
    "SELECT * FROM glob('*')",
    "SELECT * FROM query('DELETE FROM forces')",
    "SELECT * FROM query_table('x.csv')",
    "SELECT content FROM read_blob('x')",
  ])('%s calls a file-reading function', (sql) => {
    expect(reason(sql)).toMatch(/\(\) is refused: it reads files, URLs or SQL text/);
  });

  it.each([
    "SELECT * FROM 'x.csv'",
    "FROM 'https://example.org/data.parquet'",
    'SELECT * FROM "x.csv"',
    'SELECT * FROM "https://example.org/x"',
    'SELECT * FROM statuses.csv',
    "SELECT * FROM forces, 'x.csv'",
    "SELECT * FROM forces f JOIN 'x.csv' USING (force_id)",
    "SELECT * FROM forces f JOIN inspections i ON true, 'x.csv'",
    "DESCRIBE 'x.csv'",
    'SUMMARIZE "data/x.parquet"',
    "SELECT * FROM (FROM 'x.csv')",
    "SELECT * FROM forces WHERE force_id IN (SELECT force_id FROM 'x.csv')",
  ])('%s names a file where a table belongs', (sql) => {
    expect(reason(sql)).toMatch(/makes DuckDB read a file/);
  });
});
