import { DEFAULT_STALE_DAYS } from '../../metrics/national/freshness.sql';

/** The staleness threshold in days, from the URL's `stale`; the default when absent or not a whole number of days. */
export function staleDaysFromSearch(search: string): number {
  const value = new URLSearchParams(search).get('stale');
  const days = value !== null && /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_STALE_DAYS;
}

export function searchWithStaleDays(days: number, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  if (days !== DEFAULT_STALE_DAYS) params.set('stale', String(days));
  else params.delete('stale');
  const text = params.toString();
  return text ? `?${text}` : '';
}
