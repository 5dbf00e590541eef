import { describe, expect, it } from 'vitest';
import { isOutOfMemory, loadFailure } from '../../../src/lib/data/ingest/report/load-failure';

// Issue 15: "The load failed; your data is as it was" stood beside DuckDB's raw text, alone.
describe('a failed load in words', () => {
  it('out of memory: what happened and what to do, the engine text as detail', () => {
    const engine = 'Out of Memory Error: could not allocate block of size 256.0 KiB (68.4 MiB/68.6 MiB used)';
    expect(isOutOfMemory(new Error(engine))).toBe(true);
    expect(loadFailure(new Error(engine), 'checking')).toEqual({
      message: 'This browser ran out of memory while checking the file, so nothing was loaded and your data is as it was. '
        + 'Split the file into smaller ones and load them one after another, or close other tabs and try again.',
      detail: engine,
    });
  });

  it("any other engine message is never shown alone", () => {
    const engine = 'TransactionContext Error: Current transaction is aborted (please ROLLBACK)';
    const failure = loadFailure(new Error(engine), 'loading');
    expect(failure.message).toMatch(/^Something went wrong inside the database engine while loading the checked rows, so nothing was loaded/);
    expect(failure.message).not.toContain('ROLLBACK');
    expect(failure.detail).toBe(engine);
  });

  it("the app's own messages, already in words, pass through", () => {
    const own = 'inspections.csv cannot be removed while statuses.csv uses its inspections: remove that file first.';
    expect(loadFailure(new Error(own), 'loading')).toEqual({ message: own, detail: null });
  });
});
