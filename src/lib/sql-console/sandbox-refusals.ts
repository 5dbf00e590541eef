/**
 * DuckDB's own refusals in the sandbox (read-only-sandbox.ts), in words for people. The tokenizer
 * (read-only-guard.ts) usually refuses first with a friendlier reason; these are what DuckDB says
 * when a text gets past it, and DuckDB's word is the one that holds.
 */
const REFUSALS: readonly { pattern: RegExp; message: string }[] = [
  {
    pattern: /Cannot prepare multiple statements at once/i,
    message: 'Run one statement at a time: DuckDB reads more than one statement in this text.',
  },
  {
    pattern: /read-only mode|read-only transaction/i,
    message: 'Only statements that read the loaded tables run here: this one would change data. Load, replace or remove data in the Data view.',
  },
  {
    pattern: /Permission Error|disabled by configuration|external access/i,
    message: 'Reading files, addresses or extensions is not allowed here: nothing leaves the browser. Load files in the Data view.',
  },
  {
    pattern: /No statement to prepare/i,
    message: 'There is no query to run: DuckDB reads only comments in this text.',
  },
  {
    pattern: /configuration has been locked/i,
    message: 'Settings cannot be changed here.',
  },
];

/** The plain reason for a refusal DuckDB enforced, or null for an ordinary error in the query. */
export function sandboxRefusal(duckdbMessage: string): string | null {
  return REFUSALS.find((refusal) => refusal.pattern.test(duckdbMessage))?.message ?? null;
}
