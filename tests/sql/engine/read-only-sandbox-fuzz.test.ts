import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Connector } from '../../../src/lib/db/connector';
import { openNodeConnector } from '../../../src/lib/db/node-connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { runReadOnlyQuery } from '../../../src/lib/sql-console/run-read-only-query';
import { databaseFingerprint } from '../support/database-fingerprint';

/**
 * Issue 15, property-based: SQL built from the pieces that broke the tokenizer (dollar quotes with
 * any tag, comments ended by every line ending, Unicode, stray quotes and semicolons) around
 * statements that write, change settings or read files and URLs. Whatever the text, the sandbox
 * changes nothing and reads nothing outside the app's files. The same texts run on an unsandboxed
 * connection show that the generator does produce real attacks: DuckDB there writes.
 */
const CANARY_FILE = '/tmp/oversight-sandbox-canary.csv';

const ATTACKS = [
  'DROP TABLE forces',
  "UPDATE status_updates SET status = 'complete'",
  'DELETE FROM status_updates',
  "INSERT INTO forces VALUES ('x', 'X')",
  'CREATE TABLE stolen AS SELECT * FROM status_updates',
  'CREATE OR REPLACE VIEW forces_view AS SELECT 1',
  'ALTER TABLE forces ADD COLUMN extra INTEGER',
  'SET enable_external_access = true',
  'SET lock_configuration = false',
  "SET allowed_directories = ['/']",
  'RESET enable_external_access',
  `COPY forces TO '${CANARY_FILE}'`,
  "SELECT * FROM read_csv('http://127.0.0.1:9/steal')",
  "SELECT * FROM read_text('/etc/hostname')",
  "ATTACH '/tmp/oversight-attached.duckdb' AS other",
  'LOAD httpfs',
  'CHECKPOINT',
  'TRUNCATE status_updates',
];

const tag = fc.oneof(fc.constantFrom('', 'é', 'a', 'tag', 'ß1', '日本', '_'), fc.string({ unit: 'grapheme', maxLength: 3 }));
/** Tags DuckDB reads as a dollar quote's: letters (any script) and underscores, then digits too. */
const validTag = fc.tuple(
  fc.constantFrom('', 'é', 'a', 'T', '_', 'ß', '日', 'Ω'),
  fc.string({ unit: fc.constantFrom('a', 'é', '_', '1', '9', 'ж'), maxLength: 3 }),
).map(([first, rest]) => (first === '' ? '' : first + rest));
const lineEnd = fc.constantFrom('\n', '\r', '\r\n', '\u2028', '\u0085', '\v', '\f');
const piece: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('SELECT 1 AS a', 'select 2', 'FROM forces', ' ', ';', "'", '"', '$', '--', '/*', '*/', 'E\'', '\\', '(', ')'),
  fc.constantFrom(...ATTACKS),
  tag.map((t) => `$${t}$`),
  fc.tuple(tag, fc.string({ maxLength: 6 })).map(([t, body]) => `$${t}$${body}$${t}$`),
  lineEnd.map((end) => `-- note${end}`),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const sqlText = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

async function smallDatabase(): Promise<Connector> {
  const db = await openNodeConnector();
  await db.query("CREATE TABLE forces AS SELECT * FROM (VALUES ('kent', 'Kent'), ('essex', 'Essex')) t(force_id, name)");
  await db.query("CREATE TABLE status_updates AS SELECT * FROM (VALUES (1, 'kent', 'in_progress'), (2, 'essex', 'not_started')) t(seq, force_id, status)");
  return db;
}

let sandboxed: Connector;
let oracle: Connector;
let before: string;
beforeAll(async () => {
  sandboxed = await smallDatabase();
  oracle = await smallDatabase();
  before = await databaseFingerprint(sandboxed);
}, 120_000);

describe('the sandbox under generated SQL', () => {
  it('never writes, changes a setting or touches a file, whatever the text', async () => {
    let attacksThatWorkUnsandboxed = 0;
    await fc.assert(
      fc.asyncProperty(sqlText, async (sql) => {
        await sandboxed.queryReadOnly(sql).catch(() => undefined);
        await runReadOnlyQuery(sandboxed, sql);
        expect(await databaseFingerprint(sandboxed)).toBe(before);
        expect(existsSync(CANARY_FILE)).toBe(false);

        // What DuckDB does with the same text on the app's own connection, every statement run.
        await oracle.query(sql).catch(() => undefined);
        if ((await databaseFingerprint(oracle)) !== before) {
          attacksThatWorkUnsandboxed += 1;
          oracle = await smallDatabase();
        }
      }),
      { numRuns: 80, seed: 15 },
    );
    expect(attacksThatWorkUnsandboxed).toBeGreaterThan(0);
  }, 600_000);

  it('still answers every single read, whatever is quoted or commented around it', async () => {
    await fc.assert(
      // The line endings DuckDB ends a comment at; after the others the whole text is a comment.
      fc.asyncProperty(validTag, fc.string({ maxLength: 8 }), fc.constantFrom('\n', '\r', '\r\n'), async (t, body, end) => {
        const quoted = body.replaceAll('$', ''); // a $ in the body could end the quote early
        const sql = `-- a comment${end}SELECT count(*)::INTEGER AS n, $${t}$${quoted}$${t}$ AS text FROM forces /* ; DROP TABLE forces */`;
        const table = await sandboxed.queryReadOnly(sql);
        expect(rowsOf<{ n: number; text: string }>(table)).toEqual([{ n: 2, text: quoted }]);
      }),
      { numRuns: 60, seed: 15 },
    );
  }, 300_000);
});
