/** The query string as reactive state: views derive their subject (force, inspection…) from it. */
export class UrlSearch {
  current = $state(typeof location === 'undefined' ? '' : location.search);

  /** Follows back/forward and `navigateTo`; returns the function that stops following. */
  start(): () => void {
    const onPopState = () => (this.current = location.search);
    onPopState();
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }
}
