import type { Table } from 'apache-arrow';
import type { Connector } from '../db/connector';
import { bindNamedParameters, type NamedParameter } from './named-parameters';
import { checkReadOnly } from './read-only-guard';
import { sandboxRefusal } from './sandbox-refusals';
import { statementBody } from './sql-tokens';

export type QueryOutcome =
  | { status: 'ok'; table: Table; milliseconds: number; usedParameters: string[] }
  /** Refused, by the tokenizer before DuckDB saw it or by DuckDB's sandbox: the reason in plain words. */
  | { status: 'refused'; message: string }
  /** DuckDB's own message, unchanged (it carries "LINE n:" and a caret under the position). */
  | { status: 'error'; message: string; milliseconds: number };

/**
 * The one way user-written SQL reaches the database: checked for a friendly refusal, parameters
 * bound, then run in DuckDB's read-only sandbox (Connector.queryReadOnly), which is what enforces.
 */
export async function runReadOnlyQuery(
  db: Connector,
  sql: string,
  parameters: readonly NamedParameter[] = [],
): Promise<QueryOutcome> {
  const verdict = checkReadOnly(sql);
  if (!verdict.ok) return { status: 'refused', message: verdict.reason };
  const bound = bindNamedParameters(statementBody(sql, { trimStart: false }), parameters);
  if (!bound.ok) return { status: 'refused', message: bound.reason };
  const started = performance.now();
  try {
    const table = await db.queryReadOnly(bound.sql, bound.params);
    return { status: 'ok', table, milliseconds: performance.now() - started, usedParameters: bound.used };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const refusal = sandboxRefusal(message);
    if (refusal) return { status: 'refused', message: refusal };
    return { status: 'error', message, milliseconds: performance.now() - started };
  }
}
