import { asOfWords, formatDate } from '../charts/shared/format';
import type { Filters } from '../metrics/common/filters';
import type { NotebookParameter } from './notebook';

/**
 * A notebook chart's subtitle states only the filters its query used: a chart that ignores the
 * region filter must not claim to show one region.
 */
export function chartSubtitle(
  filters: Filters,
  usedParameters: readonly string[],
  notebookParameters: readonly NotebookParameter[],
  values: Readonly<Record<string, string>>,
): string {
  const used = new Set(usedParameters);
  const parts: string[] = [];
  if (used.has('as_of')) {
    parts.push(used.has('pending') ? asOfWords(filters.asOf, filters.pendingCountsAsComplete) : `As on ${formatDate(filters.asOf)}`);
  }
  if (used.has('region')) parts.push(filters.region ?? 'All of England and Wales');
  if (used.has('inspections')) {
    const count = filters.inspections.length;
    parts.push(count === 0 ? 'All inspections' : count === 1 ? `Inspection ${filters.inspections[0]}` : `${count} inspections`);
  }
  for (const parameter of notebookParameters) {
    if (used.has(parameter.name)) parts.push(`${parameter.label}: ${values[parameter.name] ?? parameter.default}`);
  }
  return parts.length > 0 ? parts.join(' · ') : 'All the loaded data';
}
