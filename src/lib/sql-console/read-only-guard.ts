import { splitStatements, tokenizeSql, type SqlToken } from './sql-tokens';

/**
 * The rule for SQL typed in the console or read from a notebook (notebooks/README.md, "What may
 * run"): one statement that only reads the loaded tables. This check only explains a refusal in
 * plain words before DuckDB sees the text; DuckDB's sandbox (db/read-only-sandbox.ts, external
 * access off, configuration locked) is what enforces the rule, whatever this tokenizer reads. Comments and strings are skipped before
 * checking, so `-- DELETE` or `'DROP'` are harmless, and a data-changing word anywhere is refused.
 *
 * DuckDB reads files and URLs not only through read_csv() and friends but through any quoted or
 * dotted name in FROM that is not a table (a "replacement scan": FROM 'x.csv', FROM "https://…",
 * FROM data.parquet). In the browser that could fetch from the network, so both are refused.
 */
export type GuardVerdict = { ok: true } | { ok: false; reason: string };

/** Words a read-only statement may start with. */
const READING_STATEMENTS = new Set([
  'select', 'with', 'from', 'values', 'describe', 'show', 'summarize', 'explain', 'pragma', 'pivot', 'unpivot',
]);

/** PRAGMAs that only describe; every other PRAGMA may change a setting. */
const READING_PRAGMAS = new Set([
  'table_info', 'show_tables', 'show_tables_expanded', 'show', 'database_list', 'database_size',
  'storage_info', 'version', 'platform', 'functions', 'collations',
]);

/** Words that change data, settings or the database; refused wherever they appear. */
const CHANGING_WORDS = new Set([
  'insert', 'update', 'delete', 'merge', 'upsert', 'truncate', 'create', 'drop', 'alter', 'copy', 'attach',
  'detach', 'install', 'load', 'set', 'reset', 'export', 'import', 'call', 'checkpoint', 'vacuum', 'pragma',
]);

/** Table and scalar functions that read files or URLs, or run SQL from a string. */
export const FILE_READING_FUNCTIONS = new Set([
  'read_csv', 'read_csv_auto', 'csv_scan', 'sniff_csv', 'read_parquet', 'parquet_scan', 'parquet_metadata',
  'parquet_schema', 'parquet_file_metadata', 'parquet_kv_metadata', 'parquet_bloom_probe', 'read_json',
  'read_json_auto', 'read_json_objects', 'read_json_objects_auto', 'read_ndjson', 'read_ndjson_auto',
  'read_ndjson_objects', 'read_text', 'read_blob', 'read_xlsx', 'read_avro', 'glob', 'arrow_scan',
  'scan_arrow_ipc', 'iceberg_scan', 'iceberg_metadata', 'iceberg_snapshots', 'delta_scan', 'st_read',
  'st_read_meta', 'sqlite_scan', 'sqlite_attach', 'postgres_scan', 'postgres_query', 'mysql_query',
  'query', 'query_table', 'json_execute_serialized_sql', 'checkpoint', 'force_checkpoint',
  'load_aws_credentials',
]);

/** After these words comes a table: a quoted or file-like name there would read a file. */
const RELATION_WORDS = new Set(['from', 'join', 'pivot', 'unpivot', 'summarize', 'describe', 'show', 'table']);
/** Words that end a FROM clause at their bracket depth (ON and USING do not: a comma may follow). */
const CLAUSE_WORDS = new Set([
  'where', 'group', 'having', 'qualify', 'window', 'order', 'limit', 'offset', 'union', 'except',
  'intersect', 'select', 'returning',
]);
/** Functions whose arguments use FROM without a table: trim('x' FROM name), extract(year FROM d). */
const FROM_ARGUMENT_FUNCTIONS = new Set(['trim', 'substring', 'extract', 'overlay', 'position']);
const FILE_EXTENSIONS = new Set([
  'csv', 'tsv', 'txt', 'parquet', 'parq', 'json', 'jsonl', 'ndjson', 'arrow', 'arrows', 'ipc', 'feather',
  'xlsx', 'xls', 'gz', 'zst', 'db', 'duckdb', 'sqlite', 'avro',
]);
const PATH_CHARACTERS = /[./\\:*?~{}[\]]/;

const DATA_CHANGING_NAMES: Record<string, string> = {
  insert: 'INSERT adds rows', update: 'UPDATE changes rows', delete: 'DELETE removes rows',
  create: 'CREATE makes tables or views', drop: 'DROP removes tables', alter: 'ALTER changes tables',
  copy: 'COPY reads or writes files', attach: 'ATTACH opens another database', install: 'INSTALL fetches extensions',
  load: 'LOAD loads extensions', set: 'SET changes settings', export: 'EXPORT writes files', call: 'CALL runs procedures',
};

const REFUSAL = 'Only statements that read the loaded tables run here.';

export function checkReadOnly(sql: string): GuardVerdict {
  const { tokens, problem } = tokenizeSql(sql);
  if (problem) return refuse(`The query could not be read: ${problem}.`);
  const statements = splitStatements(tokens);
  if (statements.length === 0) return refuse('There is no query to run.');
  if (statements.length > 1) {
    return refuse(`Run one statement at a time: this text holds ${statements.length} statements separated by ';'.`);
  }
  return checkStatement(statements[0]!);
}

function checkStatement(tokens: SqlToken[]): GuardVerdict {
  const leading = leadingWord(tokens);
  if (!leading) return refuse(`${REFUSAL} A query starts with SELECT, WITH or FROM.`);
  if (!READING_STATEMENTS.has(leading.word)) {
    const why = DATA_CHANGING_NAMES[leading.word];
    return refuse(
      why
        ? `${upper(leading.word)} is refused: ${why}. ${REFUSAL}`
        : `${REFUSAL} This one starts with ${upper(leading.word)}; a query starts with SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN or PRAGMA table_info.`,
    );
  }
  if (leading.word === 'explain') {
    // EXPLAIN ANALYZE runs the statement it explains, so that statement must pass too.
    let rest = tokens.slice(leading.index + 1);
    if (rest[0]?.kind === 'word' && rest[0].value === 'analyze') rest = rest.slice(1);
    return checkStatement(rest);
  }
  let body = tokens;
  if (leading.word === 'pragma') {
    const pragma = tokens[leading.index + 1];
    if (!pragma || pragma.kind !== 'word' || !READING_PRAGMAS.has(pragma.value)) {
      return refuse(`PRAGMA ${pragma?.text ?? ''} may change a setting. ${REFUSAL} PRAGMA table_info('forces') and PRAGMA show_tables are allowed.`);
    }
    body = tokens.slice(leading.index + 2);
  }
  return checkWords(body) ?? checkRelations(body) ?? { ok: true };
}

function leadingWord(tokens: readonly SqlToken[]): { word: string; index: number } | null {
  const index = tokens.findIndex((token) => !(token.kind === 'symbol' && token.text === '('));
  const token = tokens[index];
  return token && token.kind === 'word' ? { word: token.value, index } : null;
}

function checkWords(tokens: readonly SqlToken[]): GuardVerdict | null {
  for (const [i, token] of tokens.entries()) {
    const name = token.kind === 'word' || token.kind === 'quoted' ? token.value.toLowerCase() : null;
    if (name === null) continue;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const qualified = before?.kind === 'symbol' && before.text === '.';
    if (token.kind === 'word' && !qualified && CHANGING_WORDS.has(name)) {
      const why = DATA_CHANGING_NAMES[name];
      return refuse(`${upper(name)} is refused${why ? `: ${why}` : ''}. ${REFUSAL}`);
    }
    if (after?.kind === 'symbol' && after.text === '(' && FILE_READING_FUNCTIONS.has(name)) {
      return refuse(`${name}() is refused: it reads files, URLs or SQL text. ${REFUSAL} Load files in the Data view.`);
    }
  }
  return null;
}

/** Refuses strings, quoted paths and file-like names where a table is expected. */
function checkRelations(tokens: readonly SqlToken[]): GuardVerdict | null {
  // One entry per open bracket: are we in a FROM clause there, and is it a trim(… FROM …)-like call?
  const levels: { inFrom: boolean; fromIsArgument: boolean }[] = [{ inFrom: false, fromIsArgument: false }];
  for (const [i, token] of tokens.entries()) {
    const level = levels.at(-1)!;
    if (token.kind === 'symbol' && token.text === '(') {
      const opener = tokens[i - 1];
      levels.push({ inFrom: false, fromIsArgument: opener?.kind === 'word' && FROM_ARGUMENT_FUNCTIONS.has(opener.value) });
      continue;
    }
    if (token.kind === 'symbol' && token.text === ')') {
      if (levels.length > 1) levels.pop();
      continue;
    }
    if (token.kind === 'word' && CLAUSE_WORDS.has(token.value)) level.inFrom = false;

    const opensRelation =
      (token.kind === 'word' && RELATION_WORDS.has(token.value) && !(level.fromIsArgument && token.value === 'from')) ||
      (token.kind === 'symbol' && token.text === ',' && level.inFrom);
    if (!opensRelation) continue;
    if (token.kind === 'word' && (token.value === 'from' || token.value === 'join')) level.inFrom = true;

    const problem = fileLikeRelation(tokens, i + 1);
    if (problem) return refuse(`${problem} ${REFUSAL} Load files in the Data view.`);
  }
  return null;
}

function fileLikeRelation(tokens: readonly SqlToken[], from: number): string | null {
  let i = from;
  while (tokens[i]?.kind === 'symbol' && tokens[i]!.text === '(') i += 1;
  if (tokens[i]?.kind === 'word' && tokens[i]!.value === 'lateral') i += 1;
  const parts: SqlToken[] = [];
  while (tokens[i] && (tokens[i]!.kind === 'word' || tokens[i]!.kind === 'quoted' || tokens[i]!.kind === 'string')) {
    parts.push(tokens[i]!);
    if (tokens[i + 1]?.kind === 'symbol' && tokens[i + 1]!.text === '.') i += 2;
    else break;
  }
  const first = parts[0];
  if (!first) return null;
  if (parts.some((part) => part.kind === 'string')) {
    return `A quoted text where a table belongs (${first.text}) makes DuckDB read a file or URL.`;
  }
  if (parts.some((part) => part.kind === 'quoted' && PATH_CHARACTERS.test(part.value))) {
    return `A name like a path where a table belongs (${parts.map((p) => p.text).join('.')}) makes DuckDB read a file or URL.`;
  }
  const last = parts.at(-1)!;
  if (parts.length > 1 && FILE_EXTENSIONS.has(last.value.toLowerCase())) {
    return `A name like a file where a table belongs (${parts.map((p) => p.text).join('.')}) makes DuckDB read a file.`;
  }
  return null;
}

function upper(word: string): string {
  return word.toUpperCase();
}

function refuse(reason: string): GuardVerdict {
  return { ok: false, reason };
}
