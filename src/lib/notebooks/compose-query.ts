import { significantTokens, statementBody, tokenizeSql } from '../sql-console/sql-tokens';
import type { SqlBlock } from './notebook';

export interface ComposedQuery {
  /** The block's SQL with the earlier blocks it uses (directly or through others) as CTEs. */
  sql: string;
  /** Names of those blocks, in notebook order. */
  uses: string[];
}

/**
 * Earlier named blocks become common table expressions, so a block can say `FROM overdue_by_rec`
 * and the notebook stays one SQL text per block that DuckDB plans as a whole. Only the blocks it
 * needs are included; a name inside a string or comment is not a use.
 */
export function composeQuery(block: SqlBlock, earlier: readonly SqlBlock[]): ComposedQuery {
  const named = new Map(earlier.filter((b) => b.name !== null).map((b) => [b.name!.toLowerCase(), b]));
  const needed = new Set<string>();
  const visit = (sql: string) => {
    for (const name of referencedNames(sql, named)) {
      if (needed.has(name)) continue;
      needed.add(name);
      visit(named.get(name)!.sql);
    }
  };
  visit(block.sql);

  const body = statementBody(block.sql);
  const uses = earlier.filter((b) => b.name !== null && needed.has(b.name.toLowerCase()));
  if (uses.length === 0) return { sql: body, uses: [] };
  const ctes = uses.map((b) => `${b.name} AS (\n${statementBody(b.sql)}\n)`).join(',\n');

  // A block that has its own WITH gets the earlier blocks in front of its own CTEs.
  const tokens = significantTokens(tokenizeSql(body).tokens);
  if (tokens[0]?.kind === 'word' && tokens[0].value === 'with') {
    const recursive = tokens[1]?.kind === 'word' && tokens[1].value === 'recursive' ? tokens[1] : null;
    const head = recursive ?? tokens[0];
    return { sql: `${body.slice(0, head.end)}\n${ctes},\n${body.slice(head.end).trimStart()}`, uses: uses.map((b) => b.name!) };
  }
  return { sql: `WITH ${ctes}\n${body}`, uses: uses.map((b) => b.name!) };
}

function referencedNames(sql: string, named: ReadonlyMap<string, SqlBlock>): string[] {
  const names: string[] = [];
  for (const token of tokenizeSql(sql).tokens) {
    if (token.kind !== 'word' && token.kind !== 'quoted') continue;
    const name = token.value.toLowerCase();
    if (named.has(name)) names.push(name);
  }
  return names;
}
