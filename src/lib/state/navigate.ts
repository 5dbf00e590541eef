/**
 * Moves to another address of the app without reloading. Everything that follows the URL already
 * listens for popstate (the view, the filters, the force and peer choices), so one event tells all.
 */
export function navigateTo(search: string): void {
  if (search === location.search) return;
  history.pushState(null, '', `${location.pathname}${search}${location.hash}`);
  dispatchEvent(new PopStateEvent('popstate'));
}
