/** One query run in this session, newest first in the history. */
export interface HistoryEntry {
  sql: string;
  /** ISO timestamp of the run. */
  ranAt: string;
  outcome: 'ok' | 'refused' | 'error';
  /** Rows returned, when it ran. */
  rowCount: number | null;
}

export const HISTORY_LIMIT = 50;

/** Adds a run to the front; the same text run again moves to the front instead of repeating. */
export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((earlier) => earlier.sql !== entry.sql)].slice(0, HISTORY_LIMIT);
}

const STORAGE_KEY = 'oversight:sql-history';

/** The history lives in sessionStorage: it survives a reload but not the closing of the tab. */
export function readStoredHistory(storage: Pick<Storage, 'getItem'>): HistoryEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

export function storeHistory(storage: Pick<Storage, 'setItem'>, history: readonly HistoryEntry[]): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(history));
  } catch {
    // Storage full or disabled: the history still works for this page.
  }
}

function isEntry(value: unknown): value is HistoryEntry {
  const entry = value as Partial<HistoryEntry> | null;
  return !!entry && typeof entry.sql === 'string' && typeof entry.ranAt === 'string'
    && (entry.outcome === 'ok' || entry.outcome === 'refused' || entry.outcome === 'error');
}
