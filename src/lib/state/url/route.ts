/** The views a user can reach; the `view` query parameter names one. */
export const VIEWS = [
  { id: 'national', label: 'National picture' },
  { id: 'force', label: 'Force' },
  { id: 'inspection', label: 'Inspection' },
  { id: 'changes', label: 'Changes' },
  { id: 'notebooks', label: 'Notebooks' },
  { id: 'sql', label: 'SQL console' },
  { id: 'data', label: 'Data' },
] as const;

/** Pages linked from the footer rather than the main navigation. */
export const FOOTER_PAGES = [{ id: 'accessibility', label: 'Accessibility statement' }] as const;

export type ViewId = (typeof VIEWS)[number]['id'] | (typeof FOOTER_PAGES)[number]['id'];

export function viewFromSearch(search: string): ViewId {
  const wanted = new URLSearchParams(search).get('view');
  return [...VIEWS, ...FOOTER_PAGES].find((view) => view.id === wanted)?.id ?? 'national';
}

/** The address of a view with the current filters kept, so switching views keeps the context. */
export function searchForView(view: ViewId, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  if (view === 'national') params.delete('view');
  else params.set('view', view);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The address of one force's view (e.g. `?view=force&force=cheshire`), keeping the date and filters. */
export function forceHref(forceId: string, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  params.set('view', 'force');
  params.set('force', forceId);
  params.delete('compare');
  return `?${params}`;
}

/** The address of one report's view (e.g. `?view=inspection&inspection=firearms-2023`), keeping the date and filters. */
export function inspectionHref(inspectionId: string, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  params.set('view', 'inspection');
  params.set('inspection', inspectionId);
  return `?${params}`;
}
