/**
 * Whether an element is near the viewport: within one screen above or below it, so that a chart
 * scrolled to at an ordinary speed is already drawn when it shows.
 */
const MARGIN_SCREENS = 1;

type Listener = (near: boolean) => void;
const listeners = new WeakMap<Element, Listener>();
let observer: IntersectionObserver | null | undefined;

// One observer for every chart on the page: the browser computes all their positions in one pass.
function sharedObserver(): IntersectionObserver | null {
  if (observer !== undefined) return observer;
  observer =
    typeof IntersectionObserver === 'undefined'
      ? null
      : new IntersectionObserver(
          (entries) => {
            for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
          },
          { rootMargin: `${MARGIN_SCREENS * 100}% 0px` },
        );
  return observer;
}

/** The same test as the observer's, read now (one layout), for a chart's first draw before the observer reports. */
export function isNearViewport(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  const screen = innerHeight;
  return rect.bottom >= -MARGIN_SCREENS * screen && rect.top <= (1 + MARGIN_SCREENS) * screen;
}

/** Calls `onchange` whenever the element comes near the viewport or leaves it; returns the function that stops it. */
export function watchNearViewport(element: Element, onchange: Listener): () => void {
  const shared = sharedObserver();
  if (!shared) {
    // No observer (an old browser, or a test DOM): treat everything as near, as before.
    onchange(true);
    return () => {};
  }
  listeners.set(element, onchange);
  shared.observe(element);
  return () => {
    shared.unobserve(element);
    listeners.delete(element);
  };
}
