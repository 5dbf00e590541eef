import type { Connector } from '../db/connector';
import { completionCurves, type CompletionPoint } from './completion-curves.sql';
import type { Filters } from './filters';
import { inspectionMatrix, type MatrixCell } from './inspection-matrix.sql';
import { onTimeByRecommendation, type RecommendationOnTime } from './on-time.sql';
import { recommendationList, type RecommendationListing } from './reference-lists.sql';
import { responses, responseSummary, type ResponseRow, type ResponseSummary } from './responses.sql';
import { inspectionFilters } from './subject-filters';

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

/** The inspection view's queries for one interaction, run together. */
export async function loadInspectionView(db: Connector, filters: Filters, inspectionId: string): Promise<InspectionViewData> {
  const scoped = inspectionFilters(filters);
  const [recommendations, matrix, curves, onTime, responseRows, summary] = await Promise.all([
    recommendationList(db, inspectionId),
    inspectionMatrix(db, scoped, inspectionId),
    completionCurves(db, scoped, inspectionId),
    onTimeByRecommendation(db, scoped, inspectionId),
    responses(db, scoped, { forces: [], inspection: inspectionId, recordedOnly: true }),
    responseSummary(db, scoped, { forces: [], inspection: inspectionId }),
  ]);
  return { filters: scoped, recommendations, matrix, curves, onTime, responses: responseRows, responseSummary: summary };
}
