/**
 * Named performance marks the benchmark and the tests read (performance.getEntriesByName).
 * Each is set once per page load.
 */
export type TimingMark = 'oversight:engine-ready' | 'oversight:data-loaded' | 'oversight:first-chart';

export function markOnce(name: TimingMark): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name).length > 0) return;
  performance.mark(name);
}
