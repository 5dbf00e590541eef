/**
 * Observable Plot puts a <style> element in every chart and legend it draws. Swapping a chart in
 * then adds a style sheet to the page and swapping the old one out removes one: each makes the
 * browser restyle the whole page, several times per change of a filter. The rules are the same
 * for every chart, so they move into one style element in the head, once per distinct text, and
 * the drawing goes in without its own.
 */
const seen = new Set<string>();
let shared: HTMLStyleElement | null = null;

export function withSharedPlotStyles<T extends Element>(drawing: T): T {
  for (const style of drawing.querySelectorAll('style')) {
    const rules = style.textContent ?? '';
    if (!seen.has(rules)) {
      seen.add(rules);
      if (!shared || !shared.isConnected) {
        shared = document.createElement('style');
        shared.dataset.from = 'plot';
        document.head.append(shared);
      }
      shared.append(rules);
    }
    style.remove();
  }
  return drawing;
}
