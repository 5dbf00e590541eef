import * as Plot from '@observablehq/plot';
import type { RecommendationOnTime } from '../../metrics/national/on-time.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { asOfWords, formatDate, formatPercent } from '../shared/format';
import { STATUS_COLOURS } from '../shared/palette';

export const ON_TIME_DEFINITION =
  'On-time rate of a recommendation: of the forces for which it is in scope and whose deadline has passed (due date before the as-of date), the share whose first complete update came on or before the due date. Until the deadline passes there is no rate.';

function words(row: RecommendationOnTime): string {
  if (row.on_time_rate === null) return row.due_date ? `deadline ${formatDate(row.due_date)} not yet passed` : 'no deadline';
  return `${formatPercent(row.on_time_rate)} (${row.on_time} of ${row.deadline_passed})`;
}

/** Each recommendation of one report: the share of forces that completed it by its deadline. */
export function onTimeRateChart(rows: readonly RecommendationOnTime[], inspectionTitle: string, context: ChartContext): ChartSpec {
  const drawn = rows.map((row) => ({ ...row, rec: `Rec ${row.rec_no}`, words: words(row) }));
  type Drawn = (typeof drawn)[number];
  return {
    id: 'on-time-rate',
    title: 'Share of forces that met each deadline',
    asOf: context.asOf,
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${inspectionTitle}`,
    source: context.source,
    notes: [ON_TIME_DEFINITION],
    plot: {
      marginLeft: 70,
      marginRight: 20,
      height: Math.max(120, drawn.length * 30 + 50),
      x: { domain: [0, 1], tickFormat: '%', label: 'On-time rate →', grid: true },
      y: { domain: drawn.map((d) => d.rec), label: null },
      marks: [
        Plot.barX(drawn.filter((d) => d.on_time_rate !== null), {
          x: 'on_time_rate', y: 'rec', fill: STATUS_COLOURS.complete,
          title: (d: Drawn) => `${d.rec} (${d.due_text ?? 'no deadline'}): ${d.words}`,
        }),
        Plot.ruleX([0]),
        Plot.text(drawn, {
          x: (d: Drawn) => d.on_time_rate ?? 0, y: 'rec', text: 'words', textAnchor: 'start', dx: 5,
        }),
      ],
    },
    table: {
      columns: [
        { key: 'rec', label: 'Recommendation', format: 'text' },
        { key: 'due_text', label: 'Deadline as written', format: 'text' },
        { key: 'due', label: 'Due date', format: 'text' },
        { key: 'in_scope', label: 'Forces in scope', format: 'integer' },
        { key: 'deadline_passed', label: 'Deadline passed for', format: 'integer' },
        { key: 'on_time', label: 'On time', format: 'integer' },
        { key: 'on_time_rate', label: 'On-time rate', format: 'percent' },
        { key: 'complete', label: 'Complete now', format: 'integer' },
      ],
      rows: drawn.map((d) => ({
        rec: d.rec, due_text: d.due_text, due: d.due_date ? formatDate(d.due_date) : null, in_scope: d.in_scope,
        deadline_passed: d.deadline_passed, on_time: d.on_time, on_time_rate: d.on_time_rate, complete: d.complete,
      })),
    },
  };
}
