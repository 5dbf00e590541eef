import type { Page } from 'playwright-core';

export type InteractionKind = 'asOf' | 'region' | 'force' | 'inspection';

/** Every kind the app is measured on, in the order the bench makes them (and reports them). */
export const APP_INTERACTION_KINDS: readonly InteractionKind[] = ['asOf', 'region', 'force', 'inspection'];

/** How the report names each kind. */
export const INTERACTION_LABELS: Record<InteractionKind, string> = {
  asOf: 'as-of change', region: 'region filter', force: 'force selection', inspection: 'inspection selection',
};

/** The controls, as the app's FilterBar (and the naive page) name them. */
export const CONTROLS: Record<InteractionKind, string> = {
  asOf: 'input[name=asof]',
  region: 'select[name=region]',
  force: '[data-testid="force-select"]',
  inspection: '[data-testid="inspection-select"]',
};

export interface InteractionSamples {
  kind: InteractionKind;
  /** Input event dispatched → the frame after the view reported the new filters drawn, in ms. */
  painted: number[];
  /** Input event dispatched → the view's render-done attributes changed, in ms. */
  renderDone: number[];
  /** Why there are no (or fewer) samples: no such control, no render-done signal, a timeout… */
  unavailable?: string;
}

interface ControlInfo {
  tag: string;
  value: string;
  min: string;
  max: string;
  options: string[];
  hasDoneSignal: boolean;
}

/** Views that hold a control the National view does not: reached through the app's own navigation. */
const CONTROL_VIEWS: Partial<Record<InteractionKind, string>> = { force: 'Force', inspection: 'Inspection' };

async function reachControl(page: Page, kind: InteractionKind): Promise<void> {
  const viewName = CONTROL_VIEWS[kind];
  if (!viewName || (await page.locator(CONTROLS[kind]).count()) > 0) return;
  const link = page.locator('nav[aria-label="Views"]').getByRole('link', { name: viewName, exact: true });
  if ((await link.count()) === 0) return;
  await link.first().click();
  const shown = await page.waitForSelector(CONTROLS[kind], { timeout: 10_000 }).then(() => true, () => false);
  if (shown) await page.waitForSelector('section.view[data-ready="true"]', { timeout: 30_000 }).catch(() => {});
}

function readControl(page: Page, selector: string): Promise<ControlInfo | null> {
  return page.evaluate((sel) => {
    const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(sel);
    if (!control) return null;
    const options = control instanceof HTMLSelectElement ? [...control.options].map((option) => option.value) : [];
    return {
      tag: control.tagName.toLowerCase(),
      // The day-first date field shows 31/07/2024 and keeps the ISO date and its range in data-*.
      value: control.getAttribute('data-value') ?? control.value,
      min: control.getAttribute('min') ?? control.getAttribute('data-min') ?? '',
      max: control.getAttribute('max') ?? control.getAttribute('data-max') ?? '',
      options,
      hasDoneSignal: ['data-filters-key', 'data-force'].some((name) => document.querySelector('section.view')?.hasAttribute(name)),
    };
  }, selector);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * `count` distinct dates in [min, max], none equal to `current`: month ends, spread over the
 * range and taken alternately from its two ends, so every change moves the as-of date far.
 */
export function planDates(min: string, max: string, current: string, count: number): string[] {
  const last = new Date(`${max}T00:00:00Z`);
  const first = min ? new Date(`${min}T00:00:00Z`) : new Date(Date.UTC(last.getUTCFullYear() - 5, 0, 1));
  const candidates: string[] = [];
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)); d <= last; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 2, 0))) {
    if (d >= first && isoDay(d) !== current) candidates.push(isoDay(d));
  }
  // A short range: fall back to weeks, then days.
  for (const step of [7, 1]) {
    if (candidates.length >= count) break;
    for (let d = new Date(first); d <= last; d = new Date(d.getTime() + step * 86_400_000)) {
      const day = isoDay(d);
      if (day !== current && !candidates.includes(day)) candidates.push(day);
    }
  }
  candidates.sort();
  const picked = Array.from({ length: Math.min(count, candidates.length) }, (_, i) =>
    candidates[Math.round((i * (candidates.length - 1)) / Math.max(1, count - 1))]!,
  );
  const alternated: string[] = [];
  for (let lo = 0, hi = picked.length - 1; lo <= hi; lo++, hi--) {
    alternated.push(picked[hi]!);
    if (lo !== hi) alternated.push(picked[lo]!);
  }
  return alternated;
}

/** Every option in turn from the one after the current one, so each change is a real change. */
export function planOptions(options: readonly string[], current: string, count: number): string[] {
  const start = Math.max(0, options.indexOf(current));
  return Array.from({ length: count }, (_, i) => options[(start + 1 + i) % options.length]!);
}

interface Expectation {
  selector: string;
  value: string;
  kind: InteractionKind;
  timeout: number;
}

/**
 * Runs in the page: sets the control, dispatches input and change as a user's edit does, waits
 * for section.view to report the new filters drawn, then for the next frame to be painted
 * (requestAnimationFrame, then a task after it).
 */
function interactInPage({ selector, value, kind, timeout }: Expectation): Promise<{ painted: number; renderDone: number }> {
  const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  const view = () => document.querySelector('section.view');
  const before = view()?.getAttribute('data-filters-key') ?? null;
  const drawn = (): boolean => {
    const section = view();
    if (!section || section.getAttribute('data-ready') !== 'true') return false;
    const key = section.getAttribute('data-filters-key');
    const filters = key === null ? null : (JSON.parse(key) as { asOf?: string; region?: string | null });
    if (kind === 'asOf') return section.getAttribute('data-asof') === value && (filters === null || filters.asOf === value);
    if (kind === 'region') return filters !== null && (filters.region ?? '') === value;
    // The Force and Inspection views name the force or report they have drawn; elsewhere any new filters will do.
    if (kind === 'force' && section.hasAttribute('data-force')) return section.getAttribute('data-force') === value;
    if (kind === 'inspection' && section.hasAttribute('data-inspection')) return section.getAttribute('data-inspection') === value;
    return key !== null && key !== before;
  };
  const started = performance.now();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  return new Promise<number>((resolve, reject) => {
    if (drawn()) return resolve(performance.now());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no render-done signal for ${kind} = "${value}" within ${timeout} ms`));
    }, timeout);
    const observer = new MutationObserver(() => {
      if (!drawn()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(performance.now());
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  }).then(
    (doneAt) =>
      new Promise((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => resolve({ painted: performance.now() - started, renderDone: doneAt - started })),
        ),
      ),
  );
}

/** `count` changes of one control, each to a new value, timed in the page. */
export async function measureInteractions(page: Page, kind: InteractionKind, count: number, timeout = 30_000): Promise<InteractionSamples> {
  const result: InteractionSamples = { kind, painted: [], renderDone: [] };
  await reachControl(page, kind);
  const control = await readControl(page, CONTROLS[kind]);
  if (!control) {
    result.unavailable = `not available yet: no ${CONTROLS[kind]} in the page`;
    return result;
  }
  // The Force view names its force (data-force) only once one is drawn, so that kind is tried anyway.
  if (kind === 'region' && !control.hasDoneSignal) {
    result.unavailable = 'no render-done signal: section.view has neither data-filters-key nor data-force';
    return result;
  }
  let values: string[];
  if (kind === 'asOf') values = planDates(control.min, control.max, control.value, count);
  // A force or report must be chosen: "Choose a force…" (value '') is not one.
  else if (control.tag === 'select' && control.options.length >= 2) {
    values = planOptions(kind === 'force' || kind === 'inspection' ? control.options.filter(Boolean) : control.options, control.value, count);
  }
  else {
    result.unavailable = `not measurable yet: ${CONTROLS[kind]} is a <${control.tag}>, the harness drives a <select>`;
    return result;
  }
  for (const value of values) {
    try {
      const sample = await page.evaluate(interactInPage, { selector: CONTROLS[kind], value, kind, timeout });
      result.painted.push(sample.painted);
      result.renderDone.push(sample.renderDone);
    } catch (error) {
      result.unavailable = `stopped after ${result.painted.length}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      break;
    }
    // Let trailing work (URL update, idle callbacks) finish, as between two real clicks.
    await page.waitForTimeout(100);
  }
  return result;
}
