import type { Table } from 'apache-arrow';
import type { SqlParam } from './connector';

/** What the sandbox needs of a DuckDB connection of its own (not the app's). */
export interface SandboxConnection {
  /** Runs the sandbox's own transaction statements. */
  run(sql: string): Promise<unknown>;
  /** Prepares `sql` (DuckDB refuses more than one statement), runs it with `params`, closes it. */
  prepareAndQuery(sql: string, params: readonly SqlParam[]): Promise<Table>;
}

/**
 * User SQL on its own connection, each statement in a READ ONLY transaction that is always rolled
 * back: DuckDB itself refuses writes, and anything a statement did manage is undone. Statements
 * wait their turn, since two interleaved would share one transaction.
 */
export function readOnlySandbox(connection: SandboxConnection): (sql: string, params?: readonly SqlParam[]) => Promise<Table> {
  let tail: Promise<unknown> = Promise.resolve();
  const runOne = async (sql: string, params: readonly SqlParam[]): Promise<Table> => {
    await connection.run('BEGIN TRANSACTION READ ONLY');
    try {
      return await connection.prepareAndQuery(sql, params);
    } finally {
      // Fails only when the statement itself ended the transaction (COMMIT, ROLLBACK): nothing to undo.
      await connection.run('ROLLBACK').catch(() => undefined);
    }
  };
  return (sql, params = []) => {
    const result = tail.then(() => runOne(sql, params));
    tail = result.catch(() => undefined);
    return result;
  };
}
