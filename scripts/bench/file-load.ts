import type { Page } from 'playwright-core';

/**
 * The Data view's file input and done signal: the agreed names first, then what the Data view
 * ships today (data-testid="file-input", and its status line saying "Loaded N statuses…").
 */
export const FILE_INPUT = 'input[type=file][data-testid="data-file-input"], input[type=file][data-testid="file-input"]';
export const LOAD_COMPLETE = '[data-testid="load-complete"]';
const STATUS_LINE = '[data-testid="data-status"]';
const LOADED_WORDS = /\bLoaded [\d,]+ status/;
/** The Data view stops for review when it found problems: nothing is loaded until the user accepts. */
const REVIEW = '[data-testid="validation-report"]';
const FAILURE = '[data-testid="load-failure"]';

/** Where the file input lives: the Data view, if the current view does not show one. */
async function findFileInput(page: Page): Promise<boolean> {
  if ((await page.locator(FILE_INPUT).count()) > 0) return true;
  const dataLink = page.locator('nav[aria-label="Views"]').getByRole('link', { name: /^data$/i });
  if ((await dataLink.count()) === 0) return false;
  await dataLink.first().click();
  return page
    .waitForSelector(FILE_INPUT, { state: 'attached', timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
}

export interface FileLoad {
  /** The input's change event → the Data view says the data is loaded, in ms. */
  ms: number | null;
  /** The input's change event → the Data view stopped for review (problems found), in ms. */
  msToReview?: number;
  /** The input's change event → the per-force counts built, the first stage of that (the national figures, trends and freshness switch), in ms. */
  msToCounts?: number;
  /** The input's change event → the pre-aggregates built in the background, in ms (the views then switch to the fast queries). */
  msToPreaggregates?: number;
  /** The input's change event → the loaded data saved in the browser's storage (OPFS), in ms. */
  msToSaved?: number;
  unavailable?: string;
}

interface LoadRecord {
  started?: number;
  done?: number;
  review?: number;
  failure?: string;
  status?: string;
}

/**
 * Loads files through the app's own file input, as a user picking them would, and times the load
 * in the page from the input's change event until the Data view reports the data loaded.
 */
export async function loadFiles(page: Page, files: readonly string[], timeout: number): Promise<FileLoad> {
  if (!(await findFileInput(page))) return { ms: null, unavailable: 'not available yet: no file input in the app' };
  await page.waitForSelector('section.view[data-ready="true"]', { timeout: 30_000 }).catch(() => {});
  const input = page.locator(FILE_INPUT).first();
  const multiple = await input.evaluate((element) => (element as HTMLInputElement).multiple);
  await page.evaluate(
    ({ inputSelector, doneSelector, statusSelector, loadedWords, reviewSelector, failureSelector }) => {
      // Any signal already on the page belongs to an earlier load.
      for (const old of document.querySelectorAll(doneSelector)) old.setAttribute('data-bench-stale', '');
      const record: LoadRecord = {};
      (window as unknown as { benchLoad: LoadRecord }).benchLoad = record;
      const loaded = new RegExp(loadedWords);
      document.querySelector(inputSelector)!.addEventListener('change', () => (record.started = performance.now()), {
        capture: true,
        once: true,
      });
      const observer = new MutationObserver(() => {
        const status = document.querySelector(statusSelector)?.textContent ?? '';
        record.status = status.trim();
        if (document.querySelector(`${doneSelector}:not([data-bench-stale])`) || loaded.test(status)) record.done = performance.now();
        else if (document.querySelector(reviewSelector)) record.review = performance.now();
        else if (document.querySelector(failureSelector)) record.failure = document.querySelector(failureSelector)?.textContent ?? 'failed';
        else return;
        observer.disconnect();
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    {
      inputSelector: FILE_INPUT,
      doneSelector: LOAD_COMPLETE,
      statusSelector: STATUS_LINE,
      loadedWords: LOADED_WORDS.source,
      reviewSelector: REVIEW,
      failureSelector: FAILURE,
    },
  );
  await input.setInputFiles(multiple ? [...files] : files.slice(0, 1));
  const read = () => page.evaluate(() => (window as unknown as { benchLoad: LoadRecord }).benchLoad);
  try {
    await page.waitForFunction(
      () => {
        const r = (window as unknown as { benchLoad: LoadRecord }).benchLoad;
        return r.done !== undefined || r.review !== undefined || r.failure !== undefined;
      },
      null,
      { timeout, polling: 50 },
    );
  } catch {
    return { ms: null, unavailable: `no "loaded" signal within ${timeout / 1000} s (status: "${(await read()).status ?? ''}")` };
  }
  const record = await read();
  if (record.started === undefined) return { ms: null, unavailable: 'the file input fired no change event' };
  if (record.failure !== undefined) return { ms: null, unavailable: `the load failed: ${record.failure.trim()}` };
  if (record.review !== undefined) {
    return {
      ms: null,
      msToReview: record.review - record.started,
      unavailable: `stopped for review, nothing loaded (${/[\d,]+ problems? found, [\d,]+ valid status\w*/.exec(record.status ?? '')?.[0] ?? record.status ?? ''})`,
    };
  }
  // The pre-aggregates are built after the load, in the background (the page marks when); the
  // views are interactive before that, on the plain SQL.
  const builtAt = await page
    .waitForFunction(
      (started) => performance.getEntriesByName('oversight:preaggregates-built').find((mark) => mark.startTime > started)?.startTime ?? null,
      record.started,
      { timeout, polling: 50 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => null);
  // Marked before the whole build is, in the same page: read once that is done.
  const countsAt = builtAt === null ? null : await page.evaluate(
    (started) => performance.getEntriesByName('oversight:counts-built').find((mark) => mark.startTime > started)?.startTime ?? null,
    record.started,
  );
  // The Data view then saves the data in the browser (OPFS); let that finish before anything else is timed.
  const savedAt = await page
    .waitForFunction(
      (selector) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        return /Saved in this browser|could not be saved/.test(text) ? performance.now() : null;
      },
      STATUS_LINE,
      { timeout, polling: 50 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => null);
  return {
    ms: record.done! - record.started,
    ...(countsAt !== null ? { msToCounts: countsAt - record.started } : {}),
    ...(builtAt !== null ? { msToPreaggregates: builtAt - record.started } : {}),
    ...(savedAt !== null ? { msToSaved: savedAt - record.started } : {}),
  };
}
