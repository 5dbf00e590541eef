import * as Plot from '@observablehq/plot';
import { COMPLETION_CURVE_DEFINITION, type CompletionPoint } from '../../metrics/national/completion-curves.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { asOfWords, formatPercent } from '../shared/format';
import { DEADLINE_COLOUR, STATUS_COLOURS } from '../shared/palette';

const COLUMNS = 4;
const PANEL_HEIGHT = 150;

/**
 * Small multiples, one panel per recommendation: the share of forces complete against days since
 * the report's publication, with the deadline as a dashed red line and the share reached by then.
 */
export function completionCurvesChart(points: readonly CompletionPoint[], inspectionTitle: string, context: ChartContext): ChartSpec {
  const recs = [...new Set(points.map((p) => p.rec_no))];
  const panel = (recNo: number) => recs.indexOf(recNo);
  const placed = points.map((p) => ({ ...p, col: panel(p.rec_no) % COLUMNS, row: Math.floor(panel(p.rec_no) / COLUMNS) }));
  type Placed = (typeof placed)[number];
  // Every curve starts with its day-0 point: one per recommendation, carrying its deadline.
  const starts = placed.filter((p) => p.day === 0);
  const reached = starts.filter((p) => p.share_at_deadline !== null && p.deadline_day !== null);
  const rows = Math.max(1, Math.ceil(recs.length / COLUMNS));

  return {
    id: 'completion-curves',
    title: 'How fast forces completed each recommendation',
    asOf: context.asOf,
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${inspectionTitle} · dashed red line: deadline`,
    source: context.source,
    notes: [COMPLETION_CURVE_DEFINITION],
    plot: {
      height: rows * PANEL_HEIGHT + 70,
      marginTop: 24,
      marginLeft: 50,
      fx: { axis: null, padding: 0.12 },
      fy: { axis: null, padding: 0.2 },
      x: { label: 'Days since publication →', grid: true, nice: true },
      y: { domain: [0, 1], tickFormat: '%', label: '↑ Share of forces complete', grid: true, ticks: 4 },
      marks: [
        // Without data, the frame repeats in every panel.
        Plot.frame({ stroke: '#b1b4b6' }),
        Plot.ruleX(starts.filter((p) => p.deadline_day !== null), {
          x: 'deadline_day', fx: 'col', fy: 'row', stroke: DEADLINE_COLOUR, strokeDasharray: '4,3',
        }),
        Plot.line(placed, {
          x: 'day', y: 'share', z: 'rec_no', fx: 'col', fy: 'row', curve: 'step-after',
          stroke: STATUS_COLOURS.complete, strokeWidth: 2,
        }),
        Plot.dot(reached, {
          x: 'deadline_day', y: 'share_at_deadline', fx: 'col', fy: 'row', fill: DEADLINE_COLOUR, r: 4,
          title: (d: Placed) => `Rec ${d.rec_no}: ${formatPercent(d.share_at_deadline)} complete by the deadline (day ${d.deadline_day})`,
        }),
        Plot.text(starts, {
          fx: 'col', fy: 'row', frameAnchor: 'top-left', dx: 4, dy: 4, fontWeight: 'bold',
          text: (d: Placed) => `Rec ${d.rec_no}`,
        }),
      ],
    },
    table: {
      columns: [
        { key: 'rec', label: 'Recommendation', format: 'text' },
        { key: 'day', label: 'Days since publication', format: 'integer' },
        { key: 'complete', label: 'Forces complete', format: 'integer' },
        { key: 'forces', label: 'Forces in scope', format: 'integer' },
        { key: 'share', label: 'Share complete', format: 'percent' },
        { key: 'deadline_day', label: 'Deadline (day)', format: 'integer' },
      ],
      rows: points.map((p) => ({
        rec: `Rec ${p.rec_no}`, day: p.day, complete: p.complete, forces: p.forces, share: p.share, deadline_day: p.deadline_day,
      })),
    },
  };
}
