/**
 * A small SQL tokenizer, enough to tell DuckDB's words from its strings and comments: the
 * read-only guard and the parameter binder must never mistake `'DELETE'` or `-- $as_of` for code.
 */
export type SqlTokenKind =
  | 'word' // keyword or unquoted identifier; `value` is lower case
  | 'quoted' // "quoted identifier"; `value` is its name
  | 'string' // 'literal', E'literal' or $$literal$$; `value` is its content
  | 'number'
  | 'parameter' // $name or $1; `value` is what follows the $
  | 'symbol' // one character of punctuation or operator
  | 'comment'
  | 'space';

export interface SqlToken {
  kind: SqlTokenKind;
  /** The token exactly as written. */
  text: string;
  value: string;
  /** Offset of the first character in the source. */
  start: number;
  end: number;
}

export interface TokenizedSql {
  tokens: SqlToken[];
  /** Set when a string, quoted name or comment never ends. */
  problem: string | null;
}

const WORD_START = /[A-Za-z_\u0080-\uFFFF]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uFFFF]/;
const DIGIT = /[0-9]/;
const SPACE = /\s/;

export function tokenizeSql(sql: string): TokenizedSql {
  const tokens: SqlToken[] = [];
  let problem: string | null = null;
  let i = 0;
  const push = (kind: SqlTokenKind, start: number, end: number, value = sql.slice(start, end)) => {
    tokens.push({ kind, text: sql.slice(start, end), value, start, end });
  };

  while (i < sql.length && problem === null) {
    const start = i;
    const c = sql[i]!;
    const next = sql[i + 1];

    if (SPACE.test(c)) {
      while (i < sql.length && SPACE.test(sql[i]!)) i += 1;
      push('space', start, i);
    } else if (c === '-' && next === '-') {
      const newline = sql.indexOf('\n', i);
      i = newline === -1 ? sql.length : newline;
      push('comment', start, i);
    } else if (c === '/' && next === '*') {
      // Block comments nest in DuckDB's (PostgreSQL's) grammar.
      let depth = 0;
      while (i < sql.length) {
        if (sql.startsWith('/*', i)) (depth += 1), (i += 2);
        else if (sql.startsWith('*/', i)) {
          depth -= 1;
          i += 2;
          if (depth === 0) break;
        } else i += 1;
      }
      if (depth !== 0) problem = 'a /* comment */ is never closed';
      push('comment', start, i);
    } else if (c === "'") {
      const end = endOfQuoted(sql, i, "'", false);
      if (end === -1) problem = 'a string is never closed (a quote is missing)';
      i = end === -1 ? sql.length : end;
      push('string', start, i, sql.slice(start + 1, Math.max(start + 1, i - 1)).replaceAll("''", "'"));
    } else if (c === '"') {
      const end = endOfQuoted(sql, i, '"', false);
      if (end === -1) problem = 'a "quoted name" is never closed';
      i = end === -1 ? sql.length : end;
      push('quoted', start, i, sql.slice(start + 1, Math.max(start + 1, i - 1)).replaceAll('""', '"'));
    } else if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      if (tag) {
        // Dollar-quoted string: $$…$$ or $tag$…$tag$.
        const close = sql.indexOf(tag[0], i + tag[0].length);
        if (close === -1) problem = `a ${tag[0]}…${tag[0]} string is never closed`;
        i = close === -1 ? sql.length : close + tag[0].length;
        push('string', start, i, sql.slice(start + tag[0].length, close === -1 ? sql.length : close));
      } else {
        i += 1;
        while (i < sql.length && /[A-Za-z0-9_]/.test(sql[i]!)) i += 1;
        if (i === start + 1) push('symbol', start, i);
        else push('parameter', start, i, sql.slice(start + 1, i));
      }
    } else if (DIGIT.test(c) || (c === '.' && next !== undefined && DIGIT.test(next))) {
      const number = /^(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(i))!;
      i += number[0].length;
      push('number', start, i);
    } else if (WORD_START.test(c)) {
      while (i < sql.length && WORD_PART.test(sql[i]!)) i += 1;
      const word = sql.slice(start, i);
      if ((word === 'e' || word === 'E') && sql[i] === "'") {
        // E'…' escape string: a backslash escapes the next character, including a quote.
        const end = endOfQuoted(sql, i, "'", true);
        if (end === -1) problem = 'a string is never closed (a quote is missing)';
        i = end === -1 ? sql.length : end;
        push('string', start, i, sql.slice(start + 2, Math.max(start + 2, i - 1)));
      } else {
        push('word', start, i, word.toLowerCase());
      }
    } else {
      i += 1;
      push('symbol', start, i);
    }
  }
  return { tokens, problem };
}

/** Index just past the closing quote, or -1. A doubled quote is an escaped quote. */
function endOfQuoted(sql: string, open: number, quote: string, backslashEscapes: boolean): number {
  let i = open + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') i += 2;
    else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return -1;
}

/** The tokens that carry meaning: no spaces, no comments. */
export function significantTokens(tokens: readonly SqlToken[]): SqlToken[] {
  return tokens.filter((token) => token.kind !== 'space' && token.kind !== 'comment');
}

/** Splits on `;` between statements; empty statements (e.g. after a final `;`) are dropped. */
export function splitStatements(tokens: readonly SqlToken[]): SqlToken[][] {
  const statements: SqlToken[][] = [[]];
  for (const token of significantTokens(tokens)) {
    if (token.kind === 'symbol' && token.text === ';') statements.push([]);
    else statements.at(-1)!.push(token);
  }
  return statements.filter((statement) => statement.length > 0);
}

/**
 * The text of a single statement without its trailing comments and final `;`. With `trimStart`,
 * leading comments go too, so it can be wrapped (`name AS (…)`) without a comment swallowing the
 * bracket; without it, DuckDB's "LINE n" positions still match what the user typed.
 */
export function statementBody(sql: string, { trimStart = true } = {}): string {
  const tokens = significantTokens(tokenizeSql(sql).tokens);
  while (tokens.at(-1)?.kind === 'symbol' && tokens.at(-1)!.text === ';') tokens.pop();
  const first = tokens[0];
  const last = tokens.at(-1);
  return first && last ? sql.slice(trimStart ? first.start : 0, last.end) : '';
}
