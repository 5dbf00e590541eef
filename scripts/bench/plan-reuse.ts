/**
 * When DuckDB-wasm keeps a prepared statement's plan, and what planning every statement again costs
 * the views' interactions. Writes bench/plan-reuse.md.
 *
 *   npm run bench:plans -- [--sizes 10k,1M] [--runs 30]
 *
 * Part 1 runs one statement that is costly to plan and cheap to run (300 computed columns of a
 * one-row table) in the ways the app could send it. Part 2 runs the statements of the national
 * view's as-of change on a generated dataset as the page asks them ($n parameters) and, for the
 * floor, with the same values written into the SQL, prepared once and executed again: what they
 * would cost if the engine kept their plans. Same engine as the browser (DuckDB-wasm), under Node.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import type { Connector, SqlParam } from '../../src/lib/db/connector';
import { openNodeConnector } from '../../src/lib/db/node-connector';
import { ensureDataset } from './datasets';
import { ALL_SIZES, type SizeLabel } from './options';
import { BENCH_OUT, REPO_ROOT } from './paths';
import { loadDataset } from './query-dataset';
import { interactionsOf } from './query-interactions';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10k,1M' }, runs: { type: 'string', default: '30' } } });
const sizes = values.sizes.split(',') as SizeLabel[];
for (const size of sizes) if (!(size in ALL_SIZES)) throw new Error(`unknown size "${size}": use ${Object.keys(ALL_SIZES).join(', ')}`);
const runs = Number(values.runs);
if (!(runs >= 5)) throw new Error('--runs must be at least 5');

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
async function medianOf(run: () => unknown): Promise<number> {
  await run(); // warm-up: the first run of a prepared statement plans it
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

// ---- Part 1: the engine's rules, on one statement ----
// Through the app's own Node connector: a statement with parameters goes through its prepared
// statements, as the views' do; one without is prepared in SQL (PREPARE / EXECUTE).
const engine = await openNodeConnector();
const version = String((await engine.query('SELECT version() AS v')).toArray()[0]!.v);
await engine.query(`CREATE TABLE one AS SELECT 1 AS x, 'a' AS s`);
const columns = Array.from({ length: 300 }, (_, i) => `(x + ${i}) * length(s || 'q') AS c${i}`).join(', ');
const fromTable = `SELECT ${columns} FROM one`;
const fromValues = `SELECT ${columns} FROM (VALUES (1, 'a')) v(x, s)`;

const rules: [string, number][] = [];
rules.push(['Written out, no parameters (parsed and planned on every run)', await medianOf(() => engine.query(fromTable))]);
await engine.query(`PREPARE kept AS ${fromTable}`);
rules.push(['Prepared, no parameters, reads a table', await medianOf(() => engine.query('EXECUTE kept'))]);
rules.push(['Prepared, one parameter ($1), reads a table', await medianOf(() => engine.query(`${fromTable} WHERE s <> $1`, ['zz']))]);
rules.push(['Prepared, one parameter ($1), reads no table (VALUES)', await medianOf(() => engine.query(`${fromValues} WHERE s <> $1`, ['zz']))]);
await engine.query('CREATE TABLE unrelated (y INTEGER)');
rules.push(['Prepared, no parameters, after a table was created', await medianOf(() => engine.query('EXECUTE kept'))]);
await engine.query('DEALLOCATE kept');
await engine.query(`PREPARE kept AS ${fromTable}`);
rules.push(['The same, prepared again after that', await medianOf(() => engine.query('EXECUTE kept'))]);

// A kept plan is also a kept reading of the table's statistics: rows inserted after it was
// prepared can go unseen (duckdb/duckdb#23712, #24696). A plan kept across the app's loads would
// need preparing again after every change of data, not only of the catalog.
const count = async (sql: string) => Number((await engine.query(sql)).toArray()[0]!.n);
await engine.query('CREATE TABLE counted AS SELECT range::INTEGER AS i FROM range(100)');
await engine.query('PREPARE stale AS SELECT count(*) AS n FROM counted WHERE i = 200');
await engine.query('INSERT INTO counted VALUES (200)');
const staleAnswer = await count('EXECUTE stale');
const freshAnswer = await count('SELECT count(*) AS n FROM counted WHERE i = 200');

// ---- Part 2: the national view's as-of change ----
interface StatementTimes {
  /** The parts of the view this statement answers (one statement answers several). */
  name: string;
  asked: number;
  keptPlan: number;
  /** Whether the kept plan, run once more, answers as the statement asked. */
  same: boolean;
}

/** Each statement of the as-of change once, with its parameters and the parts that ask it. */
async function asOfStatements(db: Connector): Promise<Map<string, { params: readonly SqlParam[]; parts: string[] }>> {
  const asked = new Map<string, { params: readonly SqlParam[]; parts: string[] }>();
  let asking = '';
  const recording: Connector = {
    ...db,
    query: (sql, params = []) => {
      const entry = asked.get(sql) ?? { params, parts: [] };
      if (!entry.parts.includes(asking)) entry.parts.push(asking);
      asked.set(sql, entry);
      return db.query(sql, params);
    },
  };
  const asOf = (await interactionsOf(recording)).find((i) => i.view === 'national' && i.name === 'as-of change')!;
  asked.clear();
  for (const [name, part] of Object.entries(asOf.parts(1))) {
    asking = name;
    await part.run();
  }
  return asked;
}

const literal = (v: SqlParam) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));
/** $n outside string literals and comments, written as its value: the measurement's own filter values, never a user's. */
const writtenIn = (sql: string, params: readonly SqlParam[]) =>
  sql
    .split(/('(?:[^']|'')*'|--[^\n]*)/)
    .map((piece, i) => (i % 2 ? piece : piece.replace(/\$(\d+)\b/g, (_, n) => literal(params[Number(n) - 1]!))))
    .join('');
const rowsText = async (result: Promise<{ toArray(): unknown[] }>) =>
  JSON.stringify((await result).toArray(), (_key, value) => (typeof value === 'bigint' ? Number(value) : value));

async function timeAsOf(size: SizeLabel): Promise<{ size: SizeLabel; updates: number; statements: StatementTimes[] }> {
  const { db, updates } = await loadDataset(await ensureDataset(size));
  const statements: StatementTimes[] = [];
  for (const [i, [sql, { params, parts }]] of [...(await asOfStatements(db))].entries()) {
    await db.query(`PREPARE floor_${i} AS ${writtenIn(sql, params)}`);
    statements.push({
      name: parts.join(', '),
      asked: await medianOf(() => db.query(sql, params)),
      keptPlan: await medianOf(() => db.query(`EXECUTE floor_${i}`)),
      same: (await rowsText(db.query(sql, params))) === (await rowsText(db.query(`EXECUTE floor_${i}`))),
    });
  }
  return { size, updates, statements };
}
const measured = [];
for (const size of sizes) measured.push(await timeAsOf(size));

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
const total = (statements: StatementTimes[], key: 'asked' | 'keptPlan') => statements.reduce((sum, s) => sum + s[key], 0);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const markdown = [
  '# When DuckDB-wasm keeps a plan',
  '',
  `Measured ${new Date().toISOString()} on ${commit}, DuckDB ${version} (DuckDB-wasm's blocking build under Node ${process.version}), median of ${runs} runs after one; load average ${loadavg()[0]!.toFixed(1)} at the end (2 shared cores). Reproduce: \`npm run bench:plans -- --sizes ${sizes.join(',')}\`.`,
  '',
  '## The rules, on one statement costly to plan (300 computed columns of a one-row table)',
  '',
  '| How it is sent | median |',
  '| --- | ---: |',
  ...rules.map(([name, t]) => `| ${name} | ${ms(t)} |`),
  '',
  'A prepared statement keeps its plan only while it has no parameters or reads no table, and only until the catalog changes: once planned again, it is planned again on every run.',
  '',
  `A kept plan keeps what the table's statistics said when it was prepared: \`SELECT count(*) FROM t WHERE i = 200\` over \`i\` = 0…99, prepared, then a row with \`i\` = 200 inserted, answers ${staleAnswer} from the kept plan and ${freshAnswer} written out${staleAnswer === freshAnswer ? '' : ' (a wrong answer, not a slow one: duckdb/duckdb#23712, #24696)'}. Inserting rows does not change the catalog, so nothing tells the statement to plan again.`,
  '',
  ...measured.flatMap(({ size, updates, statements }) => [
    `## What that costs the national view's as-of change (${size}: ${updates.toLocaleString('en-GB')} status updates)`,
    '',
    '| Statement (the parts it answers) | as the page asks it ($n, planned on every run) | values written in, plan kept (the floor) | same rows |',
    '| --- | ---: | ---: | --- |',
    ...statements.map((s) => `| ${s.name} | ${ms(s.asked)} | ${ms(s.keptPlan)} | ${s.same ? 'yes' : '**no**'} |`),
    `| **all ${statements.length}** | **${ms(total(statements, 'asked'))}** | **${ms(total(statements, 'keptPlan'))}** | |`,
    '',
  ]),
].join('\n');
writeFileSync(`${BENCH_OUT}/plan-reuse.md`, markdown);
console.log(markdown);
process.exit(0);
