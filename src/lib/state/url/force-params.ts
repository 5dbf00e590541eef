import { DEFAULT_MEASURE, isBenchmarkMeasure, type BenchmarkMeasure } from '../../metrics/force/benchmark-measures';

/** What the force view is about, as held in the URL: `force`, `compare` and `measure`. */
export interface ForceParams {
  force: string | null;
  /** A second force to set side by side; never the same as `force`. */
  compare: string | null;
  /** The measure of the strip of all forces. */
  measure: BenchmarkMeasure;
}

export function forceParamsFromSearch(search: string): ForceParams {
  const params = new URLSearchParams(search);
  const force = params.get('force') || null;
  const compare = params.get('compare') || null;
  const measure = params.get('measure');
  return {
    force,
    compare: compare && compare !== force ? compare : null,
    measure: isBenchmarkMeasure(measure) ? measure : DEFAULT_MEASURE,
  };
}

/** The query string with some force parameters changed; defaults are left out of the URL. */
export function searchWithForceParams(change: Partial<ForceParams>, currentSearch: string): string {
  const next = { ...forceParamsFromSearch(currentSearch), ...change };
  const params = new URLSearchParams(currentSearch);
  setOrDelete(params, 'force', next.force);
  setOrDelete(params, 'compare', next.compare && next.compare !== next.force ? next.compare : null);
  setOrDelete(params, 'measure', next.measure === DEFAULT_MEASURE ? null : next.measure);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function setOrDelete(params: URLSearchParams, key: string, value: string | null): void {
  if (value) params.set(key, value);
  else params.delete(key);
}
