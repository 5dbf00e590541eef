import type { ForceFreshness } from '../../metrics/national/freshness.sql';
import { formatDate, formatInteger } from './format';

/** "5 forces' data is more than 180 days old", the headline count of stale forces. */
export function staleHeadline(staleForces: number, staleDays: number): string {
  const days = `${formatInteger(staleDays)} day${staleDays === 1 ? '' : 's'}`;
  if (staleForces === 0) return `No force’s data is more than ${days} old`;
  return `${formatInteger(staleForces)} force${staleForces === 1 ? '’s' : 's’'} data is more than ${days} old`;
}

/** "last update 4 September 2023, 1,123 days before", or that there is none. */
export function freshnessWords(force: Pick<ForceFreshness, 'last_update' | 'days_since'>): string {
  if (force.last_update === null || force.days_since === null) return 'no update yet';
  return `last update ${formatDate(force.last_update)}, ${formatInteger(force.days_since)} day${force.days_since === 1 ? '' : 's'} before`;
}
