import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/browser/support/chromium';
import { DevtoolsTargets } from './devtools-targets';
import { loadFiles, type FileLoad } from './file-load';
import { measureInteractions, type InteractionKind, type InteractionSamples } from './interactions';
import { readMemory, type MemoryReading } from './memory';
import { bytesFromServer, CdpByteCounter, type BytesByKind } from './network-bytes';
import { LONG_TASK_RECORDER, MARKS, readTimeline, readTimings, waitForMark, type PageTimeline, type PageTimings } from './page-marks';
import type { SentResponse } from './serve-dist';

export interface ColdRunPlan {
  url: string;
  /** Interactions of each kind, after the page is fully interactive (and after the file load, if any). */
  interactionKinds: readonly InteractionKind[];
  interactionsPerKind: number;
  /** Files to load through the app's file input once it is interactive. */
  files?: readonly string[];
  /** For the page to become fully interactive, and for a file load. */
  timeoutMs: number;
}

export interface ColdRun {
  timings: PageTimings;
  /** Up to fully interactive: resources and main-thread long tasks. */
  timeline: PageTimeline;
  bytes: { server: BytesByKind; cdp: BytesByKind; files: SentResponse[] };
  fileLoad: FileLoad | null;
  interactions: InteractionSamples[];
  memory: MemoryReading | null;
  errors: string[];
}

/** After a load in the Data view, the interactions are timed where the figures are: the National view. */
async function backToNationalView(page: Page, timeout: number): Promise<void> {
  await page.locator('nav[aria-label="Views"]').getByRole('link', { name: 'National picture', exact: true }).click();
  await page.waitForSelector('section.view.national[data-ready="true"]', { timeout });
}

/** A run that did not finish, with what the page reported on the way. */
export class ColdRunError extends Error {
  constructor(message: string, readonly pageErrors: string[]) {
    super(pageErrors.length > 0 ? `${message} (page: ${pageErrors.slice(0, 3).join(' | ')})` : message);
  }
}

/**
 * One cold visit: a new browser (so no compiled wasm, HTTP cache or warm process survives from an
 * earlier run) with the cache disabled; timings from the page's own marks, bytes as sent, then
 * the interactions, then memory.
 */
export async function measureColdRun(plan: ColdRunPlan, takeSent: () => SentResponse[]): Promise<ColdRun> {
  const browser: Browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // tsx keeps function names with a helper the page does not have; functions sent to the page may use it.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    await context.addInitScript(LONG_TASK_RECORDER);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const targets = await DevtoolsTargets.open(context, page);
    const cdpBytes = new CdpByteCounter(targets);
    await targets.page.send('Network.enable');
    await targets.page.send('Network.setCacheDisabled', { cacheDisabled: true });
    takeSent();

    try {
      await page.goto(plan.url, { waitUntil: 'commit' });
      await waitForMark(page, MARKS.dataLoaded, plan.timeoutMs);
      await page.waitForSelector('section.view[data-ready="true"]', { timeout: plan.timeoutMs });
    } catch (error) {
      throw new ColdRunError(error instanceof Error ? error.message.split('\n')[0]! : String(error), errors);
    }
    const timings = await readTimings(page);
    const timeline = await readTimeline(page);
    // Let late requests (favicon, lazy chunks) land before counting.
    await page.waitForTimeout(300);
    const server = bytesFromServer(takeSent());

    const fileLoad = plan.files ? await loadFiles(page, plan.files, plan.timeoutMs) : null;
    if (fileLoad?.ms != null) await backToNationalView(page, plan.timeoutMs);
    const interactions: InteractionSamples[] = [];
    if (!fileLoad || fileLoad.ms !== null) {
      for (const kind of plan.interactionKinds) interactions.push(await measureInteractions(page, kind, plan.interactionsPerKind));
    }
    const memory = await readMemory(page, targets).catch((error: Error) => {
      errors.push(`memory: ${error.message}`);
      return null;
    });
    await context.close();
    return { timings, timeline, bytes: { server: server.byKind, cdp: cdpBytes.byKind(), files: server.files }, fileLoad, interactions, memory, errors };
  } finally {
    await browser.close();
  }
}
