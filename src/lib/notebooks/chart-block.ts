import * as Plot from '@observablehq/plot';
import type { ChartSpec, ChartTable } from '../charts/shared/chart-spec';
import { REGION_COLOURS, REGION_ORDER, STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER } from '../charts/shared/palette';
import type { ResultColumn, ResultRow, ResultTable } from '../sql-console/result-table';
import type { BlockOptions, OptionsProblem } from './block-options';

/**
 * A ```chart block: a small declarative spec over one query's result, turned into the same
 * ChartSpec every chart in the app draws from (so the frame, table alternative and export apply).
 */
export const CHART_MARKS = ['bar', 'barX', 'line', 'dot', 'area', 'cell', 'tick'] as const;
export type ChartMark = (typeof CHART_MARKS)[number];
export type AxisFormat = 'percent' | 'number';
export type SortOrder = 'x' | '-x' | 'y' | '-y';

export interface ChartBlockOptions {
  mark: ChartMark;
  x: string;
  y: string;
  colour: string | null;
  facet: string | null;
  /** The named sql block drawn; null = the sql block just above. */
  from: string | null;
  title: string | null;
  subtitle: string | null;
  xLabel: string | null;
  yLabel: string | null;
  xFormat: AxisFormat | null;
  yFormat: AxisFormat | null;
  sort: SortOrder | null;
}

/** Keys as written in a block (British and American spellings of colour both work). */
const KEYS = ['mark', 'x', 'y', 'colour', 'color', 'facet', 'from', 'title', 'subtitle', 'x_label', 'y_label', 'x_format', 'y_format', 'sort'];

export function parseChartOptions(raw: BlockOptions): { options: ChartBlockOptions | null; problems: OptionsProblem[] } {
  const problems: OptionsProblem[] = [];
  const text = (key: string): string | null => {
    const value = raw[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'object') {
      problems.push({ line: 1, message: `"${key}" must be a single value` });
      return null;
    }
    return String(value);
  };
  for (const key of Object.keys(raw)) {
    if (!KEYS.includes(key)) problems.push({ line: 1, message: `unknown key "${key}"; a chart takes ${KEYS.filter((k) => k !== 'color').join(', ')}` });
  }
  const mark = text('mark');
  if (!mark || !(CHART_MARKS as readonly string[]).includes(mark)) {
    problems.push({ line: 1, message: `"mark" must be one of ${CHART_MARKS.join(', ')}${mark ? ` (found "${mark}")` : ''}` });
  }
  const x = text('x');
  const y = text('y');
  if (!x) problems.push({ line: 1, message: '"x" names the column for the horizontal axis' });
  if (!y) problems.push({ line: 1, message: '"y" names the column for the vertical axis' });
  const format = (key: string): AxisFormat | null => {
    const value = text(key);
    if (value === null) return null;
    if (value === 'percent' || value === 'number') return value;
    problems.push({ line: 1, message: `"${key}" is percent or number (found "${value}")` });
    return null;
  };
  const xFormat = format('x_format');
  const yFormat = format('y_format');
  const sort = text('sort');
  if (sort !== null && !['x', '-x', 'y', '-y'].includes(sort)) problems.push({ line: 1, message: `"sort" is x, -x, y or -y (found "${sort}")` });
  if (problems.length > 0 || !mark || !x || !y) return { options: null, problems };
  return {
    options: {
      mark: mark as ChartMark,
      x,
      y,
      colour: text('colour') ?? text('color'),
      facet: text('facet'),
      from: text('from'),
      title: text('title'),
      subtitle: text('subtitle'),
      xLabel: text('x_label'),
      yLabel: text('y_label'),
      xFormat,
      yFormat,
      sort: sort as SortOrder | null,
    },
    problems,
  };
}

export interface ChartBlockInput {
  /** Unique on the page: it names the frame's title element. */
  id: string;
  options: ChartBlockOptions;
  result: ResultTable;
  subtitle: string;
  source: string;
  /** The as-of date the query used, for file names of exports. */
  asOf?: string;
}

export type ChartBlockSpec = { ok: true; spec: ChartSpec } | { ok: false; message: string };

// The app's accent (GAF dark blue), for charts with a single series.
const SINGLE_SERIES = '#12436D';
const ROW_HEIGHT = 18;

export function chartBlockSpec({ id, options, result, subtitle, source, asOf }: ChartBlockInput): ChartBlockSpec {
  const named = [options.x, options.y, options.colour, options.facet].filter((name): name is string => name !== null);
  const missing = named.filter((name) => !result.columns.some((column) => column.name === name));
  if (missing.length > 0) {
    const available = result.columns.map((column) => column.name).join(', ');
    return { ok: false, message: `The chart names ${missing.map((m) => `"${m}"`).join(', ')}, not in the result. Columns: ${available}.` };
  }
  const column = (name: string) => result.columns.find((c) => c.name === name)!;
  const data = result.rows.map((row) => plotRow(row, result.columns));
  const facets = options.facet ? distinct(result.rows, options.facet).length : 1;
  const colourScale = options.colour ? colourScaleFor(column(options.colour), result.rows) : undefined;

  const tip = (d: Record<string, unknown>) =>
    named.map((name) => `${name}: ${displayValue(d[name])}`).join('\n');
  const common = {
    fy: options.facet ?? undefined,
    title: tip,
  };
  const colourOr = (fallback: string) => options.colour ?? fallback;
  const sortBy = options.sort
    ? { [options.sort.endsWith('x') ? 'y' : 'x']: options.sort }
    : undefined;

  const marks: Plot.Markish[] = [];
  let height = 320 * facets;
  let marginLeft: number | undefined;
  let marginRight: number | undefined;
  switch (options.mark) {
    case 'bar':
      marks.push(Plot.barY(data, { ...common, x: options.x, y: options.y, fill: colourOr(SINGLE_SERIES), sort: sortBy }), Plot.ruleY([0]));
      break;
    case 'barX': {
      const categories = distinct(result.rows, options.y).length;
      height = facets * (categories * ROW_HEIGHT + 30) + 50;
      marginLeft = labelMargin(result.rows, options.y);
      marks.push(Plot.barX(data, { ...common, x: options.x, y: options.y, fill: colourOr(SINGLE_SERIES), sort: sortBy }), Plot.ruleX([0]));
      break;
    }
    case 'line':
      marks.push(Plot.lineY(data, { ...common, x: options.x, y: options.y, stroke: colourOr(SINGLE_SERIES), z: options.colour ?? undefined, marker: 'circle' }));
      if (options.colour) {
        // Each line named at its end, so colour is not the only cue.
        marks.push(Plot.text(data, Plot.selectLast({ fy: common.fy, x: options.x, y: options.y, z: options.colour, text: options.colour, dx: 6, textAnchor: 'start' })));
        marginRight = Math.min(220, 20 + 7 * Math.max(...distinct(result.rows, options.colour).map((v) => v.length), 0));
      }
      break;
    case 'dot':
      marks.push(Plot.dot(data, {
        ...common, x: options.x, y: options.y, stroke: colourOr(SINGLE_SERIES),
        symbol: options.colour && colourScale?.type === 'categorical' && colourScale.domain.length <= 7 ? options.colour : undefined,
      }));
      if (column(options.y).kind !== 'number') marginLeft = labelMargin(result.rows, options.y);
      break;
    case 'area':
      marks.push(Plot.areaY(data, { ...common, x: options.x, y: options.y, fill: colourOr(SINGLE_SERIES) }), Plot.ruleY([0]));
      break;
    case 'cell':
      height = facets * (distinct(result.rows, options.y).length * 28 + 40) + 50;
      marginLeft = labelMargin(result.rows, options.y);
      marks.push(Plot.cell(data, { ...common, x: options.x, y: options.y, fill: colourOr(SINGLE_SERIES), inset: 0.5 }));
      if (options.colour) marks.push(Plot.text(data, { fy: common.fy, x: options.x, y: options.y, text: (d: Record<string, unknown>) => displayValue(d[options.colour!]), fill: 'white', stroke: 'black', strokeWidth: 2, paintOrder: 'stroke' }));
      break;
    case 'tick':
      marginLeft = labelMargin(result.rows, options.y);
      height = facets * (distinct(result.rows, options.y).length * 24 + 30) + 50;
      marks.push(Plot.tickX(data, { ...common, x: options.x, y: options.y, stroke: colourOr(SINGLE_SERIES), strokeWidth: 2 }));
      break;
  }

  // Bars keep the categories in the query's order (its ORDER BY), unless the block asks for a sort.
  const rowOrder = (barMark: ChartMark, name: string) =>
    options.mark === barMark && !options.sort && column(name).kind === 'text' ? { domain: distinct(result.rows, name) } : {};
  const axis = (name: string, label: string | null, format: AxisFormat | null) => ({
    label: label ?? name,
    ...(format === 'percent' ? { tickFormat: '%' } : {}),
    ...(column(name).kind === 'number' ? { grid: true } : {}),
  });
  return {
    ok: true,
    spec: {
      id,
      title: options.title ?? `${options.y} by ${options.x}`,
      subtitle: options.subtitle ?? subtitle,
      source,
      ...(asOf ? { asOf } : {}),
      plot: {
        height: Math.min(Math.max(height, 160), 2400),
        marginLeft,
        marginRight,
        marginBottom: column(options.x).kind === 'text' && options.mark !== 'cell' ? 60 : undefined,
        x: { ...axis(options.x, options.xLabel, options.xFormat), ...rowOrder('bar', options.x) },
        y: { ...axis(options.y, options.yLabel, options.yFormat), ...rowOrder('barX', options.y) },
        ...(options.facet ? { fy: { label: options.facet } } : {}),
        ...(colourScale ? { color: colourScale.options } : {}),
        ...(colourScale?.type === 'categorical' && colourScale.domain.length <= 7 && options.mark === 'dot' ? { symbol: { legend: true } } : {}),
        marks,
      },
      table: chartTable(result, options),
      ...(result.rowCount > result.rows.length
        ? { notes: [`Drawn from the first ${result.rows.length.toLocaleString('en-GB')} of ${result.rowCount.toLocaleString('en-GB')} rows.`] }
        : {}),
    },
  };
}

/** Plot wants Date objects for time axes; the table keeps ISO text. */
function plotRow(row: ResultRow, columns: readonly ResultColumn[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const column of columns) {
    const value = row[column.name];
    if (typeof value === 'string' && column.kind === 'date') out[column.name] = new Date(`${value}T00:00:00Z`);
    else if (typeof value === 'string' && column.kind === 'timestamp') out[column.name] = new Date(value);
  }
  return out;
}

interface ColourScale {
  type: 'categorical' | 'continuous';
  domain: string[];
  options: Plot.ScaleOptions;
}

/** Statuses and regions keep the app's colours everywhere; anything else takes the ten-colour set. */
function colourScaleFor(column: ResultColumn, rows: readonly ResultRow[]): ColourScale {
  if (column.kind === 'number') {
    return { type: 'continuous', domain: [], options: { type: 'linear', scheme: 'blues', legend: true, label: column.name } };
  }
  const values = distinct(rows, column.name);
  const statuses = STATUS_ORDER as readonly string[];
  if (values.length > 0 && values.every((value) => statuses.includes(value))) {
    const domain = statuses.filter((status) => values.includes(status));
    return {
      type: 'categorical',
      domain,
      options: {
        domain,
        range: domain.map((status) => STATUS_COLOURS[status as keyof typeof STATUS_COLOURS]),
        tickFormat: (status: string) => STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status,
        legend: true,
      },
    };
  }
  const regions = REGION_ORDER as readonly string[];
  if (values.length > 0 && values.every((value) => regions.includes(value))) {
    return { type: 'categorical', domain: [...regions], options: { domain: [...regions], range: [...REGION_COLOURS], legend: true } };
  }
  const range = values.map((_, i) => REGION_COLOURS[i % REGION_COLOURS.length]!);
  return { type: 'categorical', domain: values, options: { domain: values, range, legend: true } };
}

function chartTable(result: ResultTable, options: ChartBlockOptions): ChartTable {
  const formatOf = (column: ResultColumn): ChartTable['columns'][number]['format'] => {
    if ((column.name === options.x && options.xFormat === 'percent') || (column.name === options.y && options.yFormat === 'percent')) return 'percent';
    if (column.kind !== 'number') return 'text';
    return result.rows.every((row) => row[column.name] === null || Number.isInteger(row[column.name])) ? 'integer' : undefined;
  };
  return {
    columns: result.columns.map((column) => {
      const format = formatOf(column);
      return format ? { key: column.name, label: column.name, format } : { key: column.name, label: column.name };
    }),
    rows: result.rows.map((row) => {
      const plain: Record<string, string | number | null> = {};
      for (const [key, value] of Object.entries(row)) plain[key] = typeof value === 'boolean' ? String(value) : value;
      return plain;
    }),
  };
}

function distinct(rows: readonly ResultRow[], name: string): string[] {
  return [...new Set(rows.map((row) => displayValue(row[name])))];
}

function displayValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? '–' : String(value);
}

/** Room for the longest category label, within reason. */
function labelMargin(rows: readonly ResultRow[], name: string): number {
  const longest = Math.max(0, ...distinct(rows, name).map((label) => label.length));
  return Math.min(280, Math.max(60, longest * 6.5 + 12));
}
