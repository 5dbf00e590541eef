/** The views a user can reach; the `view` query parameter names one. */
export const VIEWS = [
  { id: 'national', label: 'National picture' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

export function viewFromSearch(search: string): ViewId {
  const wanted = new URLSearchParams(search).get('view');
  return VIEWS.find((view) => view.id === wanted)?.id ?? 'national';
}

/** The address of a view with the current filters kept, so switching views keeps the context. */
export function searchForView(view: ViewId, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  if (view === 'national') params.delete('view');
  else params.set('view', view);
  const text = params.toString();
  return text ? `?${text}` : '';
}
