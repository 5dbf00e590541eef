import * as Plot from '@observablehq/plot';
import type { PairStatus } from '../../data/schema';
import type { MatrixCell } from '../../metrics/inspection/inspection-matrix.sql';
import type { MatrixSort } from '../../state/url/inspection-params';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { asOfWords } from '../shared/format';
import { REGION_ORDER, STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER, STATUS_TEXT_COLOURS } from '../shared/palette';
import { STATUS_ABBREVIATIONS } from '../shared/status-abbreviations';

const ROW = 18;
const MARGIN_TOP = 40;
const MARGIN_BOTTOM = 10;

const SORT_WORDS: Record<MatrixSort, string> = {
  name: 'forces by name within each region',
  complete: 'most complete first within each region',
  overdue: 'most overdue first within each region',
};

const recLabel = (recNo: number) => `Rec ${recNo}`;
const regionIndex = (region: string) => {
  const i = REGION_ORDER.indexOf(region as (typeof REGION_ORDER)[number]);
  return i < 0 ? REGION_ORDER.length : i;
};

/** The order of the forces: regions north to south, then the chosen sort within each. */
function forceOrder(cells: readonly MatrixCell[], sort: MatrixSort): MatrixCell[] {
  const firstCells = cells.filter((cell, i) => cells.findIndex((c) => c.force_id === cell.force_id) === i);
  return firstCells.sort(
    (a, b) =>
      regionIndex(a.region) - regionIndex(b.region) ||
      a.region.localeCompare(b.region) ||
      (sort === 'complete' ? b.force_complete - a.force_complete : 0) ||
      (sort === 'overdue' ? b.force_overdue - a.force_overdue : 0) ||
      a.name.localeCompare(b.name),
  );
}

/** One report's recommendations × every force: a cell per pair, coloured and lettered by status. */
export function statusMatrixChart(cells: readonly MatrixCell[], sort: MatrixSort, inspectionTitle: string, context: ChartContext): ChartSpec {
  const forces = forceOrder(cells, sort);
  const recs = [...new Set(cells.map((c) => c.rec_no))].sort((a, b) => a - b);
  const regionStarts = forces.filter((force, i) => i === 0 || forces[i - 1]!.region !== force.region);
  const drawn = cells.map((c) => ({ ...c, rec: recLabel(c.rec_no), statusLabel: STATUS_LABELS[c.status as PairStatus] ?? c.status }));
  type Drawn = (typeof drawn)[number];

  return {
    id: 'status-matrix',
    title: `Status of each recommendation in each force`,
    asOf: context.asOf,
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${inspectionTitle} · ${SORT_WORDS[sort]}`,
    source: context.source,
    notes: ['Letters: C complete, PC pending closure, IP in progress, NS not started, – no update yet, S superseded, NA not applicable.'],
    // Force names and every recommendation's column stay legible: a phone scrolls the matrix sideways.
    minWidth: 330 + Math.max(recs.length, 4) * 36,
    plot: {
      marginLeft: 330,
      marginTop: MARGIN_TOP,
      marginBottom: MARGIN_BOTTOM,
      height: forces.length * ROW + MARGIN_TOP + MARGIN_BOTTOM,
      x: { domain: recs.map(recLabel), axis: 'top', label: null, padding: 0.05 },
      y: { domain: forces.map((f) => f.name), label: null, padding: 0 },
      color: {
        domain: STATUS_ORDER.map((s) => STATUS_LABELS[s]),
        range: STATUS_ORDER.map((s) => STATUS_COLOURS[s]),
        legend: true,
      },
      marks: [
        Plot.cell(drawn, {
          x: 'rec',
          y: 'name',
          fill: 'statusLabel',
          inset: 1,
          title: (d: Drawn) =>
            `${d.name}, ${d.rec}: ${d.statusLabel}${d.days_overdue !== null ? `, ${d.days_overdue} days overdue` : ''}`,
        }),
        Plot.text(drawn, {
          x: 'rec',
          y: 'name',
          text: (d: Drawn) => STATUS_ABBREVIATIONS[d.status as PairStatus] ?? '',
          fill: (d: Drawn) => STATUS_TEXT_COLOURS[d.status as PairStatus] ?? 'black',
        }),
        // Regions: a rule above each group and its name at the far left of its first row.
        Plot.ruleY(regionStarts, { y: 'name', dy: -ROW / 2, stroke: '#505a5f' }),
        Plot.text(regionStarts, {
          y: 'name',
          text: 'region',
          frameAnchor: 'left',
          dx: -326,
          textAnchor: 'start',
          fontWeight: 'bold',
        }),
      ],
    },
    table: {
      columns: [
        { key: 'region', label: 'Region', format: 'text' },
        { key: 'name', label: 'Force', format: 'text' },
        ...recs.map((rec) => ({ key: recLabel(rec), label: recLabel(rec), format: 'text' as const })),
        { key: 'complete', label: 'Complete', format: 'integer' },
        { key: 'in_scope', label: 'In scope', format: 'integer' },
        { key: 'overdue', label: 'Overdue', format: 'integer' },
      ],
      rows: forces.map((force) => ({
        region: force.region,
        name: force.name,
        ...Object.fromEntries(
          drawn.filter((d) => d.force_id === force.force_id).map((d) => [d.rec, d.statusLabel]),
        ),
        complete: force.force_complete,
        in_scope: force.force_in_scope,
        overdue: force.force_overdue,
      })),
    },
  };
}
