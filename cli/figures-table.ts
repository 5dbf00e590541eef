import type { NationalViewData } from '../src/lib/metrics/national/national-view';
import type { Filters } from '../src/lib/metrics/common/filters';
import { toCsv } from '../src/lib/data/export/csv-text';

/**
 * The national view's figures as rows: England and Wales (the headline, with the filters),
 * each region (its point on D of the trend over time) and each force (the ranking), picked from
 * the view's own query results: nothing is computed here.
 */
export interface FigureRow {
  /** The headline row is England and Wales, or the region chosen with --region. */
  level: 'England and Wales' | 'chosen region' | 'region' | 'force';
  area: string;
  region: string | null;
  recommendations: number | null;
  in_scope: number;
  complete: number;
  compliance_rate: number | null;
  median_force_rate: number | null;
  overdue: number;
  forces_with_overdue: number | null;
  pending_closure: number | null;
  rank: number | null;
}

export interface Figures {
  filters: Filters;
  rows: FigureRow[];
}

export function figureRows(view: NationalViewData): Figures {
  const { headline, trends, forces, filters } = view;
  const national: FigureRow = {
    level: filters.region ? 'chosen region' : 'England and Wales', area: filters.region ?? 'England and Wales', region: filters.region,
    recommendations: headline.recommendations, in_scope: headline.inScope, complete: headline.complete,
    compliance_rate: headline.complianceRate, median_force_rate: headline.medianForceRate, overdue: headline.overdue,
    forces_with_overdue: headline.forcesWithOverdue, pending_closure: null, rank: null,
  };
  const regions = trends.filter((point) => point.region !== null && point.date === filters.asOf).map((point): FigureRow => ({
    level: 'region', area: point.region!, region: point.region, recommendations: null, in_scope: point.in_scope,
    complete: point.complete, compliance_rate: point.rate, median_force_rate: forces.find((f) => f.region === point.region)?.region_median_rate ?? null,
    overdue: point.overdue, forces_with_overdue: null, pending_closure: null, rank: null,
  }));
  const forceRows = forces.map((force): FigureRow => ({
    level: 'force', area: force.name, region: force.region, recommendations: null, in_scope: force.in_scope,
    complete: force.complete, compliance_rate: force.rate, median_force_rate: null, overdue: force.overdue,
    forces_with_overdue: null, pending_closure: force.pending_closure, rank: force.rank,
  }));
  return { filters, rows: [national, ...regions, ...forceRows] };
}

const HEADERS: Record<keyof FigureRow, string> = {
  level: 'Level', area: 'Area', region: 'Region', recommendations: 'Recommendations', in_scope: 'In scope',
  complete: 'Complete', compliance_rate: 'Compliance rate', median_force_rate: 'Median force rate', overdue: 'Overdue',
  forces_with_overdue: 'Forces with overdue', pending_closure: 'Pending closure', rank: 'Rank',
};

export function figuresCsv({ rows }: Figures): string {
  const columns = (Object.keys(HEADERS) as (keyof FigureRow)[]).map((key) => ({ key, label: HEADERS[key] }));
  return toCsv(rows as unknown as Record<string, unknown>[], columns);
}
