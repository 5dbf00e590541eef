import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import type { ChartContext, ChartSpec } from '../../../src/lib/charts/shared/chart-spec';
import { contrastRatio, STATUS_COLOURS, STATUS_ORDER, STATUS_TEXT_COLOURS } from '../../../src/lib/charts/shared/palette';
import { sourceLine } from '../../../src/lib/charts/shared/source-line';
import { tileMapChart } from '../../../src/lib/charts/national/tile-map';
import { regionStatusMixChart } from '../../../src/lib/charts/national/region-status-mix';
import { statusMatrixChart } from '../../../src/lib/charts/inspection/status-matrix';
import { FORCE_TILES } from '../../../src/lib/charts/national/force-tile-layout';
import { loadInspectionView } from '../../../src/lib/metrics/inspection/inspection-view';
import type { ForceCompliance, RegionStatusShare } from '../../../src/lib/metrics/national/national.sql';
import { D, on, openForceFixture } from '../support/force-fixture';

/**
 * Labels drawn on coloured fills (axe does not see SVG text on fills): each chart is drawn by Plot
 * and every text whose anchor lies inside a filled rectangle must contrast with that fill by at
 * least 4.5:1 (WCAG 2.2 AA), computed from the colours in the SVG itself.
 */
const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const context: ChartContext = { asOf: D, scope: 'All of England and Wales', pendingCountsAsComplete: false, source: sourceLine(['illustrative']) };

/** The sum of the translate() offsets of an element and its ancestors. */
function offset(element: Element): [number, number] {
  let x = 0, y = 0;
  for (let e: Element | null = element; e; e = e.parentElement) {
    const match = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)\s*\)/.exec(e.getAttribute('transform') ?? '');
    if (match) { x += Number(match[1]); y += Number(match[2]); }
  }
  return [x, y];
}
const inherited = (element: Element, name: string): string | null => {
  for (let e: Element | null = element; e; e = e.parentElement) if (e.getAttribute(name)) return e.getAttribute(name);
  return null;
};
/** A numeric attribute in px; an em offset (a baseline nudge of a few px) counts as 0. */
const num = (element: Element, name: string) => {
  const value = element.getAttribute(name) ?? '0';
  return value.endsWith('em') ? 0 : Number.parseFloat(value) || 0;
};
const isColour = (fill: string | null): fill is string => fill !== null && /^(#[0-9a-f]{6}|rgb\(|white|black)/i.test(fill);

interface Pairing { text: string; ink: string; fill: string; ratio: number }

/** Every label drawn over a filled rectangle, with the contrast between them. */
function labelsOnFills(spec: ChartSpec): Pairing[] {
  const svg = Plot.plot({ ...spec.plot, width: 640, color: { ...spec.plot.color, legend: false }, document }) as unknown as Element;
  const rects = [...svg.querySelectorAll('rect')].flatMap((rect) => {
    const fill = inherited(rect, 'fill');
    if (!isColour(fill)) return [];
    const [dx, dy] = offset(rect);
    const x = dx + num(rect, 'x'), y = dy + num(rect, 'y');
    return [{ x, y, x2: x + num(rect, 'width'), y2: y + num(rect, 'height'), fill }];
  });
  return [...svg.querySelectorAll('text')].flatMap((text) => {
    const label = text.textContent?.trim() ?? '';
    if (label === '') return [];
    const [dx, dy] = offset(text);
    const x = dx + num(text, 'x'), y = dy + num(text, 'y');
    // The topmost (last drawn) rectangle under the label's anchor.
    const under = rects.filter((r) => r.x <= x && x <= r.x2 && r.y <= y && y <= r.y2).at(-1);
    if (!under) return [];
    const ink = inherited(text, 'fill') ?? 'black';
    return [{ text: label, ink, fill: under.fill, ratio: contrastRatio(ink, under.fill) }];
  });
}

let db: Connector;
beforeAll(async () => {
  db = await openForceFixture();
}, 120_000);

describe('text on coloured fills', () => {
  it('pairs every status colour with a text colour of at least 4.5:1', () => {
    for (const status of STATUS_ORDER) expect(contrastRatio(STATUS_TEXT_COLOURS[status], STATUS_COLOURS[status])).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the status-mix percentages readable on every status, orange and purple included', () => {
    // Every status a large share in one region or another, so every colour carries a label.
    const mix: RegionStatusShare[] = STATUS_ORDER.map((status, i) => ({ region: i % 2 ? 'Wales' : 'London', status, pairs: 3, share: 0.25 }));
    const pairings = labelsOnFills(regionStatusMixChart(mix, context));
    expect(new Set(pairings.map((p) => p.fill)).size).toBe(STATUS_ORDER.length);
    for (const p of pairings) expect(p.ratio, `${p.text} in ${p.ink} on ${p.fill}`).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the status matrix letters readable', async () => {
    const data = await loadInspectionView(db, on(D), 'I1');
    const pairings = labelsOnFills(statusMatrixChart(data.matrix, 'name', 'Inspection one', context));
    expect(pairings.length).toBeGreaterThanOrEqual(data.matrix.length);
    for (const p of pairings) expect(p.ratio, `${p.text} in ${p.ink} on ${p.fill}`).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the tile map’s abbreviations and values readable on every shade', () => {
    // Made-up figures spanning every shade: force i of the 43 has i of 42 complete; the first has nothing in view.
    const forces: ForceCompliance[] = FORCE_TILES.map((tile, i) => ({
      force_id: tile.force_id, name: tile.abbreviation, region: 'Wales', in_scope: i === 0 ? 0 : 42, complete: i,
      rate: i === 0 ? null : i / 42, overdue: 42 - i, pending_closure: i % 7, pending_share: i === 0 ? null : (i % 7) / 42,
      rank: 43 - i, median_rate: 0.5, region_median_rate: 0.5,
    }));
    for (const measure of ['compliance', 'overdue', 'pending'] as const) {
      const pairings = labelsOnFills(tileMapChart(forces, measure, context));
      expect(pairings.length).toBe(2 * forces.length);
      for (const p of pairings) expect(p.ratio, `${p.text} in ${p.ink} on ${p.fill}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
