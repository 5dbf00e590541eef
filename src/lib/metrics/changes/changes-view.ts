import type { Connector } from '../../db/connector';
import { inputsOf, runParts, type ViewParts } from '../common/view-parts';
import { filterParams, type Filters } from '../common/filters';
import { areaChanges, changedPairs, forceChanges, type AreaChanges, type ChangePeriod, type ChangedPairs, type ForceChange } from './changes.sql';
import { forceFreshness, type Freshness } from '../national/freshness.sql';
import { inspectionOptions, type InspectionOption } from '../common/inspection-options.sql';

/** Everything the Changes view shows for one period, set of filters and staleness threshold. */
export interface ChangesViewData {
  filters: Filters;
  period: ChangePeriod;
  /** The inspections the filter bar offers. */
  inspections: InspectionOption[];
  /** England and Wales (region null) first, then each region. */
  areas: AreaChanges[];
  /** Every force in the filters, the biggest movers first. */
  forces: ForceChange[];
  pairs: ChangedPairs;
  /** Each force's freshness on the later date. */
  freshness: Freshness;
}

export type ChangesPart = Exclude<keyof ChangesViewData, 'filters' | 'period'>;

/** The view's queries, each with what it reads: changing the threshold reruns only freshness. */
export function changesViewParts(
  db: Connector, filters: Filters, period: ChangePeriod, staleDays: number,
): ViewParts<Pick<ChangesViewData, ChangesPart>> {
  const later: Filters = { ...filters, asOf: period.to };
  const compared = inputsOf([...filterParams(later), period.from]);
  return {
    inspections: { inputs: '', run: () => inspectionOptions(db) },
    areas: { inputs: compared, run: () => areaChanges(db, filters, period) },
    forces: { inputs: compared, run: () => forceChanges(db, filters, period) },
    pairs: { inputs: compared, run: () => changedPairs(db, filters, period) },
    freshness: { inputs: inputsOf([...filterParams(later), staleDays]), run: () => forceFreshness(db, later, staleDays) },
  };
}

/**
 * Runs the view's queries together, once (an embedded chart); the view itself asks them through
 * the query coordinator, which re-runs only the parts whose inputs changed.
 */
export async function loadChangesView(
  db: Connector, filters: Filters, period: ChangePeriod, staleDays: number,
): Promise<ChangesViewData> {
  return { filters, period, ...(await runParts(changesViewParts(db, filters, period, staleDays))) };
}
