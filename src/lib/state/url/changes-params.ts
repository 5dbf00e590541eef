import type { ChangePeriod } from '../../metrics/changes/changes.sql';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (value: string | null): value is string =>
  value !== null && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value));

/**
 * The same day a quarter earlier: 30 June → 30 March; a day the earlier month lacks becomes its
 * last day (31 May → 28 or 29 February).
 */
export function quarterBefore(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 - 3, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The two dates of the Changes view, as held in the URL (`from`, `to`). Without them: the data's
 * latest date and the same day a quarter earlier. Dates given the wrong way round are swapped.
 */
export function changePeriodFromSearch(search: string, latest: string): ChangePeriod {
  const params = new URLSearchParams(search);
  const to = validDate(params.get('to')) ? params.get('to')! : latest;
  const from = validDate(params.get('from')) ? params.get('from')! : quarterBefore(to);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** Writes the dates into the URL, leaving out what equals the default so shared links stay short. */
export function searchWithChangePeriod(period: ChangePeriod, latest: string, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  if (period.to !== latest) params.set('to', period.to);
  else params.delete('to');
  if (period.from !== quarterBefore(period.to)) params.set('from', period.from);
  else params.delete('from');
  const text = params.toString();
  return text ? `?${text}` : '';
}
