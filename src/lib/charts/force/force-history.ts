import * as Plot from '@observablehq/plot';
import type { PairStatus } from '../../data/schema';
import type { StatusSegment } from '../../metrics/pairs/status-history.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { asOfWords, formatDate, formatInteger } from '../shared/format';
import { DEADLINE_COLOUR, STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER, STATUS_TEXT_COLOURS } from '../shared/palette';
import { STATUS_ABBREVIATIONS } from '../shared/status-abbreviations';

const DAY = 86_400_000;
// Stretches shorter than this get no letters inside: they would not fit.
const MIN_LABELLED_DAYS = 120;
// The labels' room: the left margin (190 px) less the tick, in ems of the charts' 12 px text.
const LABEL_EMS = 15;

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A force's recommendations over time: one row each, coloured by status, deadlines ticked. */
export function forceHistoryChart(segments: readonly StatusSegment[], forceName: string, context: ChartContext, id = 'force-history'): ChartSpec {
  const drawn = segments.map((s) => ({
    ...s,
    from: toDate(s.start),
    to: toDate(s.end),
    due: s.due_date ? toDate(s.due_date) : null,
    statusLabel: STATUS_LABELS[s.status as PairStatus] ?? s.status,
  }));
  type Drawn = (typeof drawn)[number];
  const labels = [...new Set(drawn.map((d) => d.label))];
  // The history holds the newest recommendations only (see HISTORY_RECOMMENDATIONS): say so when some are left out.
  const { held = 0, recommendations = 0 } = segments[0] ?? {};
  return {
    id,
    title: `${forceName}: each recommendation’s status over time`,
    asOf: context.asOf,
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope} · red tick: deadline`,
    source: context.source,
    ...(held < recommendations && {
      notes: [
        `The ${formatInteger(held)} recommendations of the newest reports are drawn, of ${formatInteger(recommendations)} in all. ` +
          'The force view lists every one, and each report’s own page charts all of its recommendations.',
      ],
    }),
    plot: {
      marginLeft: 190,
      height: Math.max(140, labels.length * 24 + 80),
      x: { type: 'utc', label: null, grid: true },
      y: { domain: labels, label: null, padding: 0.15 },
      color: {
        domain: STATUS_ORDER.map((s) => STATUS_LABELS[s]),
        range: STATUS_ORDER.map((s) => STATUS_COLOURS[s]),
        legend: true,
      },
      marks: [
        // A recommendation's name is its report's short title and number: longer than the margin, it
        // is cut in the middle, so the report's first words and the number both show (the whole
        // name is the label's title, and in the table).
        Plot.axisY({ label: null, lineWidth: LABEL_EMS, textOverflow: 'ellipsis-middle' }),
        Plot.barX(drawn, {
          x1: 'from',
          x2: 'to',
          y: 'label',
          fill: 'statusLabel',
          title: (d: Drawn) => `${d.label}: ${d.statusLabel} from ${formatDate(d.start)} to ${formatDate(d.end)}`,
        }),
        Plot.text(drawn.filter((d) => (d.to.getTime() - d.from.getTime()) / DAY >= MIN_LABELLED_DAYS), {
          x: 'from',
          y: 'label',
          dx: 4,
          textAnchor: 'start',
          text: (d: Drawn) => STATUS_ABBREVIATIONS[d.status as PairStatus] ?? '',
          fill: (d: Drawn) => STATUS_TEXT_COLOURS[d.status as PairStatus] ?? 'black',
        }),
        Plot.tickX(drawn.filter((d) => d.due !== null), { x: 'due', y: 'label', stroke: DEADLINE_COLOUR, strokeWidth: 3 }),
      ],
    },
    table: {
      columns: [
        { key: 'label', label: 'Recommendation', format: 'text' },
        { key: 'statusLabel', label: 'Status', format: 'text' },
        { key: 'from', label: 'From', format: 'text' },
        { key: 'to', label: 'To', format: 'text' },
        { key: 'deadline', label: 'Deadline', format: 'text' },
      ],
      rows: drawn.map((d) => ({
        label: d.label,
        statusLabel: d.statusLabel,
        from: formatDate(d.start),
        to: d.end === context.asOf ? `${formatDate(d.end)} (as-of date)` : formatDate(d.end),
        deadline: d.due_date ? formatDate(d.due_date) : 'none',
      })),
    },
  };
}
