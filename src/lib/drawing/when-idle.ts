/**
 * Work that can wait for the browser to be idle (charts far from the viewport), run one job per
 * idle period so that input and scrolling stay responsive. The timeout makes sure a page that is
 * never idle still gets them drawn.
 */
const IDLE_TIMEOUT_MS = 2000;

const queue = new Set<() => void>();
let scheduled = false;

function requestIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 50);
}

function schedule(): void {
  if (scheduled || queue.size === 0) return;
  scheduled = true;
  requestIdle(runNext);
}

function runNext(): void {
  scheduled = false;
  const [job] = queue;
  if (job) {
    queue.delete(job);
    job();
  }
  schedule();
}

/** Runs `job` in a later idle period, in the order asked; returns the function that cancels it. */
export function whenIdle(job: () => void): () => void {
  queue.add(job);
  schedule();
  return () => queue.delete(job);
}
