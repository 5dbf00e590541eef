import type { Connector } from '../db/connector';
import type { Filters } from './filters';
import { forceCompliance, headline, regionStatusMix, type ForceCompliance, type Headline, type RegionStatusShare } from './national.sql';

/** Everything the national view shows for one set of filters. */
export interface NationalViewData {
  headline: Headline;
  forces: ForceCompliance[];
  regionMix: RegionStatusShare[];
}

/**
 * The national view's queries for one interaction, run together. The build-time snapshot records
 * exactly these, so the first view draws before the engine starts.
 */
export async function loadNationalView(db: Connector, filters: Filters): Promise<NationalViewData> {
  const [figures, forces, regionMix] = await Promise.all([
    headline(db, filters),
    forceCompliance(db, filters),
    regionStatusMix(db, filters),
  ]);
  return { headline: figures, forces, regionMix };
}
