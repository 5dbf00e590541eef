import type { Page } from 'playwright-core';

/** Milliseconds from navigation start; null when the page never set the mark. */
export interface PageTimings {
  firstChart: number | null;
  engineReady: number | null;
  dataLoaded: number | null;
  firstContentfulPaint: number | null;
  domContentLoaded: number | null;
}

/** The app's marks (src/lib/state/engine/timing-marks.ts); the naive page sets the same ones. */
export const MARKS = {
  firstChart: 'oversight:first-chart',
  engineReady: 'oversight:engine-ready',
  dataLoaded: 'oversight:data-loaded',
} as const;

/** Waits until the page is fully interactive: the engine is up and the data loaded. */
export async function waitForMark(page: Page, mark: string, timeout: number): Promise<void> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout, polling: 50 });
}

export function readTimings(page: Page): Promise<PageTimings> {
  return page.evaluate((marks) => {
    // Marks' startTime is measured from the navigation's time origin.
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      firstChart: at(marks.firstChart),
      engineReady: at(marks.engineReady),
      dataLoaded: at(marks.dataLoaded),
      firstContentfulPaint: at('first-contentful-paint'),
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
    };
  }, MARKS);
}

/** Registered before any page script runs: the main thread's long tasks (over 50 ms), from the start. */
export const LONG_TASK_RECORDER = `
globalThis.__benchLongTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {}
`;

/** What the main thread fetched and when, and where it was blocked: to see where the first chart's time goes. */
export interface PageTimeline {
  resources: { path: string; start: number; end: number; bytes: number }[];
  longTasks: { start: number; duration: number }[];
}

export function readTimeline(page: Page): Promise<PageTimeline> {
  return page.evaluate(() => ({
    resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
      path: entry.name.startsWith('http') ? new URL(entry.name).pathname : entry.name.slice(0, 40),
      start: entry.startTime,
      end: entry.responseEnd,
      bytes: entry.encodedBodySize,
    })),
    longTasks: (globalThis as unknown as { __benchLongTasks?: { start: number; duration: number }[] }).__benchLongTasks ?? [],
  }));
}
