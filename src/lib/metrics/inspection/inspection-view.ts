import type { Connector } from '../../db/connector';
import type { CompletionPoint } from '../national/completion-curves.sql';
import { filterParams, type Filters } from '../common/filters';
import type { MatrixCell } from './inspection-matrix.sql';
import type { RecommendationOnTime } from '../national/on-time.sql';
import { inspectionFigures, type InspectionFigures } from './inspection-figures.sql';
import { recommendationList, type RecommendationListing } from '../common/reference-lists.sql';
import { responses, responseSummary, type ResponseRow, type ResponseSummary } from '../force/responses.sql';
import { sourcesFor } from '../preagg/query-sources';
import { inspectionFilters } from '../common/subject-filters';
import { inputsOf, runParts, type ViewParts } from '../common/view-parts';

/** Everything the inspection view shows for one report on one set of filters. */
export interface InspectionViewData {
  filters: Filters;
  /** Every recommendation of the report in the data, forces' or not. */
  recommendations: RecommendationListing[];
  matrix: MatrixCell[];
  curves: CompletionPoint[];
  onTime: RecommendationOnTime[];
  responses: ResponseRow[];
  responseSummary: ResponseSummary;
}

type InspectionPart = Exclude<keyof InspectionViewData, 'filters'>;

/** The inspection view's queries for one report on one set of filters. */
export function inspectionViewParts(
  db: Connector, filters: Filters, inspectionId: string,
): ViewParts<Pick<InspectionViewData, InspectionPart>> {
  const scoped = inspectionFilters(filters);
  const inputs = inputsOf([...filterParams(scoped), inspectionId]);
  const { pairs } = sourcesFor(db);
  // One statement answers the matrix, the curves and the on-time rates (see inspection-figures.sql.ts),
  // asked once however the three parts are run (the coordinator's cache would also ask it once).
  let figures: Promise<InspectionFigures> | null = null;
  const askFigures = () => (figures ??= inspectionFigures(db, scoped, inspectionId, pairs));
  return {
    recommendations: { inputs: inputsOf([inspectionId]), run: () => recommendationList(db, inspectionId) },
    matrix: { inputs, run: async () => (await askFigures()).matrix },
    curves: { inputs, run: async () => (await askFigures()).curves },
    onTime: { inputs, run: async () => (await askFigures()).onTime },
    responses: { inputs, run: () => responses(db, scoped, { forces: [], inspection: inspectionId, recordedOnly: true }) },
    responseSummary: { inputs, run: () => responseSummary(db, scoped, { forces: [], inspection: inspectionId }) },
  };
}

/** The inspection view's queries for one interaction, run together. */
export async function loadInspectionView(db: Connector, filters: Filters, inspectionId: string): Promise<InspectionViewData> {
  const data = await runParts(inspectionViewParts(db, filters, inspectionId));
  return { filters: inspectionFilters(filters), ...data };
}
