import * as Plot from '@observablehq/plot';
import type { ForceCompliance } from '../../metrics/national/national.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { highlightWords } from '../shared/chart-context';
import { FORCE_TILES, TILE_COLUMNS, TILE_ROWS } from './force-tile-layout';
import { asOfWords, formatInteger, formatPercent } from '../shared/format';
import { HIGHLIGHT_OUTLINE, NO_DATA_FILL, SEQUENTIAL_BLUES, inkOn } from '../shared/palette';
import { tileMeasure, type TileMeasure, type TileMeasureInfo } from './tile-measures';

/** One force's tile: where it sits, what it shows, and how it reads to a screen reader. */
export interface Tile {
  force_id: string;
  name: string;
  region: string;
  abbreviation: string;
  col: number;
  row: number;
  value: number | null;
  /** The value as printed on the tile: "43%", "12", or "–" when nothing is in view. */
  valueText: string;
  fill: string;
  ink: 'black' | 'white';
  selected: boolean;
  inRegion: boolean;
  /** "KNT 43%: Kent, South East, compliance rate". */
  label: string;
}

/** A tile map is a chart spec (drawn by Plot when exported or embedded) plus its tiles for the page. */
export interface TileMapSpec extends ChartSpec {
  measure: TileMeasureInfo;
  tiles: Tile[];
  columns: number;
  rows: number;
}

/**
 * The scale's top: rates run to 100%, except the share pending closure, which runs to the next 10%
 * above the largest so that small shares still differ; counts run to the largest count.
 */
function colourDomain(measure: TileMeasureInfo, values: readonly number[]): [number, number, number] {
  const largest = values.length > 0 ? Math.max(...values) : 0;
  const top = measure.id === 'compliance' ? 1 : measure.id === 'pending' ? Math.max(0.1, Math.ceil(largest * 10) / 10) : Math.max(1, largest);
  return [0, top / 2, top];
}

/** The 43 forces as equal tiles, coloured by one measure (darker = higher). */
export function tileMapChart(rows: readonly ForceCompliance[], measureId: TileMeasure, context: ChartContext): TileMapSpec {
  const measure = tileMeasure(measureId);
  const byForce = new Map(rows.map((row) => [row.force_id, row]));
  const valueOf = (row: ForceCompliance | undefined): number | null => {
    const value = row?.[measure.column] ?? null;
    // A count of nothing in view is no figure, not zero.
    return row && row.in_scope > 0 ? (value as number | null) : null;
  };
  const values = FORCE_TILES.map((tile) => valueOf(byForce.get(tile.force_id))).filter((v): v is number => v !== null);
  const colour: Plot.ScaleOptions = {
    type: 'linear',
    domain: colourDomain(measure, values),
    range: [...SEQUENTIAL_BLUES],
    clamp: true,
    label: `${measure.label} (darker = higher)`,
    tickFormat: measure.format === 'percent' ? '.0%' : 'd',
  };
  const scale = Plot.scale({ color: colour });
  const format = measure.format === 'percent' ? formatPercent : formatInteger;

  const tiles: Tile[] = FORCE_TILES.flatMap((tile) => {
    const row = byForce.get(tile.force_id);
    if (!row) return [];
    const value = valueOf(row);
    const fill = value === null ? NO_DATA_FILL : String(scale.apply(value));
    const valueText = format(value);
    return [{
      ...tile,
      name: row.name,
      region: row.region,
      value,
      valueText,
      fill,
      ink: inkOn(fill),
      selected: context.highlight?.force?.id === tile.force_id,
      inRegion: context.highlight?.region === row.region,
      // Begins with the tile's visible text, so that speech input can name it (WCAG 2.5.3).
      label: `${tile.abbreviation} ${valueText}: ${row.name}, ${row.region}, ${measure.label.toLowerCase()}${value === null ? ' not available (nothing in view)' : ''}`,
    }];
  });

  const dark = tiles.filter((t) => t.ink === 'white');
  const light = tiles.filter((t) => t.ink === 'black');
  const outlined = tiles.filter((t) => t.selected || t.inRegion);
  const text = (data: Tile[], fill: string): Plot.Markish[] => [
    Plot.text(data, { x: 'col', y: 'row', text: 'abbreviation', fill, fontWeight: 'bold', dy: -6 }),
    Plot.text(data, { x: 'col', y: 'row', text: 'valueText', fill, dy: 8 }),
  ];

  return {
    id: 'force-tile-map',
    asOf: context.asOf,
    title: `${measure.label} by force`,
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope}${highlightWords(context)} · one tile per force, roughly where it is`,
    source: context.source,
    notes: [measure.definition],
    measure,
    tiles,
    columns: TILE_COLUMNS,
    rows: TILE_ROWS,
    plot: {
      // Square tiles at any width: the height follows from the grid.
      aspectRatio: 1,
      margin: 10,
      x: { type: 'band', domain: Array.from({ length: TILE_COLUMNS }, (_, i) => i), axis: null, padding: 0.06 },
      y: { type: 'band', domain: Array.from({ length: TILE_ROWS }, (_, i) => i), axis: null, padding: 0.06 },
      color: { ...colour, legend: true },
      marks: [
        Plot.cell(tiles.filter((t) => t.value !== null), { x: 'col', y: 'row', fill: 'value', title: 'label' }),
        Plot.cell(tiles.filter((t) => t.value === null), { x: 'col', y: 'row', fill: NO_DATA_FILL, title: 'label' }),
        Plot.cell(outlined, { x: 'col', y: 'row', fill: 'none', stroke: HIGHLIGHT_OUTLINE, strokeWidth: (t: Tile) => (t.selected ? 4 : 2) }),
        ...text(dark, 'white'),
        ...text(light, 'black'),
      ],
    },
    table: {
      columns: [
        { key: 'name', label: 'Force', format: 'text' },
        { key: 'abbreviation', label: 'Tile label', format: 'text' },
        { key: 'region', label: 'Region', format: 'text' },
        { key: 'value', label: measure.label, format: measure.format },
      ],
      rows: tiles.map(({ name, abbreviation, region, value }) => ({ name, abbreviation, region, value })),
    },
  };
}
