/**
 * Resolves after the browser has had the chance to paint: the next animation frame, then a task.
 * A hidden tab runs no animation frames, so a timer resolves it there.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
