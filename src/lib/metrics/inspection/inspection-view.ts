import type { Connector } from '../../db/connector';
import { completionCurves, type CompletionPoint } from '../national/completion-curves.sql';
import { filterParams, type Filters } from '../common/filters';
import { inspectionMatrix, type MatrixCell } from './inspection-matrix.sql';
import { onTimeByRecommendation, type RecommendationOnTime } from '../national/on-time.sql';
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
  return {
    recommendations: { inputs: inputsOf([inspectionId]), run: () => recommendationList(db, inspectionId) },
    matrix: { inputs, run: () => inspectionMatrix(db, scoped, inspectionId, pairs) },
    curves: { inputs, run: () => completionCurves(db, scoped, inspectionId, pairs) },
    onTime: { inputs, run: () => onTimeByRecommendation(db, scoped, inspectionId, pairs) },
    responses: { inputs, run: () => responses(db, scoped, { forces: [], inspection: inspectionId, recordedOnly: true }) },
    responseSummary: { inputs, run: () => responseSummary(db, scoped, { forces: [], inspection: inspectionId }) },
  };
}

/** The inspection view's queries for one interaction, run together. */
export async function loadInspectionView(db: Connector, filters: Filters, inspectionId: string): Promise<InspectionViewData> {
  const data = await runParts(inspectionViewParts(db, filters, inspectionId));
  return { filters: inspectionFilters(filters), ...data };
}
