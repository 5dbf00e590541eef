import {
  DEFAULT_OVERDUE_SORT, OVERDUE_LIST_LIMIT, OVERDUE_SORT_KEYS, overdueRowsWithin, type OverdueSort, type OverdueSortKey,
} from '../../metrics/national/overdue.sql';
import { recommendationKey, type RecommendationRef } from '../../metrics/common/filters';
import { isTileMeasure, type TileMeasure } from '../../charts/national/tile-measures';

/**
 * What the national view has selected, as held in the URL: `force` (the force view reads the same
 * parameter, so a selected force is still chosen there), `rec`, `map` (the tile map's measure),
 * `overdue-sort` and `overdue-rows` (how far the list was shown). These narrow or arrange the
 * national view only, never another view's figures.
 */
export interface NationalSelection {
  force: string | null;
  recommendation: RecommendationRef | null;
  measure: TileMeasure;
  overdueSort: OverdueSort;
  overdueRows: number;
}

export const DEFAULT_SELECTION: NationalSelection = {
  force: null,
  recommendation: null,
  measure: 'compliance',
  overdueSort: DEFAULT_OVERDUE_SORT,
  overdueRows: OVERDUE_LIST_LIMIT,
};

function recommendationFrom(value: string | null): RecommendationRef | null {
  const match = value?.match(/^(.+):(\d+)$/);
  return match ? { inspectionId: match[1]!, recNo: Number(match[2]) } : null;
}

/** "force-asc", "days_overdue-desc"; anything else is the default order. */
function sortFrom(value: string | null): OverdueSort {
  const match = value?.match(/^([a-z_]+)-(asc|desc)$/);
  const key = match?.[1] as OverdueSortKey | undefined;
  return key && OVERDUE_SORT_KEYS.includes(key) ? { key, descending: match?.[2] === 'desc' } : DEFAULT_OVERDUE_SORT;
}

/** A whole number of rows; anything else is the first page. */
const rowsFrom = (value: string | null): number =>
  value && /^\d{1,5}$/.test(value) ? overdueRowsWithin(Number(value)) : OVERDUE_LIST_LIMIT;

const sortText = (sort: OverdueSort): string => `${sort.key}-${sort.descending ? 'desc' : 'asc'}`;

export function selectionFromSearch(search: string): NationalSelection {
  const params = new URLSearchParams(search);
  const force = params.get('force');
  const measure = params.get('map');
  return {
    force: force && /^[a-z0-9-]+$/.test(force) ? force : null,
    recommendation: recommendationFrom(params.get('rec')),
    measure: isTileMeasure(measure) ? measure : DEFAULT_SELECTION.measure,
    overdueSort: sortFrom(params.get('overdue-sort')),
    overdueRows: rowsFrom(params.get('overdue-rows')),
  };
}

/** The query string with some of the selection changed; defaults are left out of the URL. */
export function searchWithSelection(change: Partial<NationalSelection>, currentSearch: string): string {
  const next = { ...selectionFromSearch(currentSearch), ...change };
  const params = new URLSearchParams(currentSearch);
  const set = (key: string, value: string | null) => (value ? params.set(key, value) : params.delete(key));
  set('force', next.force);
  set('rec', next.recommendation ? recommendationKey(next.recommendation) : null);
  set('map', next.measure === DEFAULT_SELECTION.measure ? null : next.measure);
  const sort = sortText(next.overdueSort);
  set('overdue-sort', sort === sortText(DEFAULT_OVERDUE_SORT) ? null : sort);
  const rows = overdueRowsWithin(next.overdueRows);
  set('overdue-rows', rows === OVERDUE_LIST_LIMIT ? null : String(rows));
  const text = params.toString();
  return text ? `?${text}` : '';
}
