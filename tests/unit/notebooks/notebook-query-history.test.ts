import { describe, expect, it } from 'vitest';
import { addToHistory, HISTORY_LIMIT, readStoredHistory, storeHistory, type HistoryEntry } from '../../../src/lib/sql-console/query-history';

const entry = (sql: string): HistoryEntry => ({ sql, ranAt: '2025-01-01T10:00:00.000Z', outcome: 'ok', rowCount: 1 });

describe('SQL console history', () => {
  it('puts the newest first and moves a repeated query to the front instead of repeating it', () => {
    const history = [entry('SELECT 1'), entry('SELECT 2'), entry('SELECT 1')].reduce(addToHistory, [] as HistoryEntry[]);
    expect(history.map((h) => h.sql)).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it(`keeps the last ${HISTORY_LIMIT}`, () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i += 1) history = addToHistory(history, entry(`SELECT ${i}`));
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]!.sql).toBe(`SELECT ${HISTORY_LIMIT + 4}`);
  });

  it('survives a reload through session storage, and ignores anything malformed there', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    storeHistory(storage, [entry('SELECT 1')]);
    expect(readStoredHistory(storage)).toEqual([entry('SELECT 1')]);
    store.set('oversight:sql-history', '{not json');
    expect(readStoredHistory(storage)).toEqual([]);
    store.set('oversight:sql-history', JSON.stringify([{ sql: 1 }, entry('SELECT 2')]));
    expect(readStoredHistory(storage)).toEqual([entry('SELECT 2')]);
  });
});
