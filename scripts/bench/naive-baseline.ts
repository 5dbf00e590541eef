/**
 * Addresses of the naive baseline page (scripts/bench/naive/): boot DuckDB-wasm, load, run one
 * GROUP BY on the raw status updates, draw with Plot. Served beside the app by serve-dist.
 */
export const NAIVE_PREFIX = '/naive/';
export const DATASETS_PREFIX = '/datasets/';

/** The naive page on the shipped demo statuses. */
export function naiveDemoUrl(origin: string): string {
  return `${origin}${NAIVE_PREFIX}`;
}

/** The naive page on a generated status CSV, read with DuckDB's read_csv. */
export function naiveCsvUrl(origin: string, datasetLabel: string): string {
  return `${origin}${NAIVE_PREFIX}?csv=${encodeURIComponent(`${DATASETS_PREFIX}${datasetLabel}/status.csv`)}`;
}
