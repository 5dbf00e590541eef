/** Summary of a set of measurements: the median with its spread, and the tail. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * The q-quantile by linear interpolation between closest ranks (R-7, what numpy and
 * spreadsheets use), so p95 of 30 samples lies between the 28th and 29th smallest.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (upper - lower) * (position - below);
}

/** null for no samples: a cell that was not measured stays visibly empty. */
export function summarise(samples: readonly number[]): Summary | null {
  const values = samples.filter((value) => Number.isFinite(value));
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** The ratio app ÷ baseline, or null when either side is missing or the baseline is zero. */
export function ratio(app: number | null | undefined, baseline: number | null | undefined): number | null {
  if (app == null || baseline == null || baseline === 0 || !Number.isFinite(app) || !Number.isFinite(baseline)) return null;
  return app / baseline;
}
