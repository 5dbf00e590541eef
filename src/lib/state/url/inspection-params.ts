/** How the status matrix orders forces within each region. */
export const MATRIX_SORTS = [
  { id: 'name', label: 'Force name' },
  { id: 'complete', label: 'Most complete first' },
  { id: 'overdue', label: 'Most overdue first' },
] as const;
export type MatrixSort = (typeof MATRIX_SORTS)[number]['id'];

/** What the inspection view is about, as held in the URL: `inspection` and `sort`. */
export interface InspectionParams {
  inspection: string | null;
  sort: MatrixSort;
}

export function inspectionParamsFromSearch(search: string): InspectionParams {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  return {
    inspection: params.get('inspection') || null,
    sort: MATRIX_SORTS.find((s) => s.id === sort)?.id ?? 'name',
  };
}

export function searchWithInspectionParams(change: Partial<InspectionParams>, currentSearch: string): string {
  const next = { ...inspectionParamsFromSearch(currentSearch), ...change };
  const params = new URLSearchParams(currentSearch);
  if (next.inspection) params.set('inspection', next.inspection);
  else params.delete('inspection');
  if (next.sort !== 'name') params.set('sort', next.sort);
  else params.delete('sort');
  const text = params.toString();
  return text ? `?${text}` : '';
}
