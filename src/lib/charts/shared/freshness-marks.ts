import * as Plot from '@observablehq/plot';
import type { Freshness, ForceFreshness } from '../../metrics/national/freshness.sql';
import type { ChartSpec } from './chart-spec';
import { formatDate, formatInteger } from './format';
import { HIGHLIGHT_OUTLINE } from './palette';
import type { Tile, TileMapSpec } from '../national/tile-map';
import { freshnessWords } from './freshness-words';

/** The words beside a stale force's name wherever forces are compared. */
export const STALE_TAG = 'old data';

/** A sentence for a chart's notes: what the tag means, with the threshold and the date. */
export function staleNote(freshness: Freshness, asOf: string): string {
  return `“${STALE_TAG}”: the force’s latest status update is more than ${formatInteger(freshness.staleDays)} days before ${formatDate(asOf)}, or it has none, while some of its recommendations are still open.`;
}

const byForce = (freshness: Freshness) => new Map(freshness.forces.map((f) => [f.force_id, f]));

/** A tile with how fresh its force's data is. */
export interface FreshTile extends Tile {
  stale: boolean;
}

export interface FreshTileMapSpec extends TileMapSpec {
  tiles: FreshTile[];
}

/**
 * The tile map with stale forces marked: a dashed outline on the page and in the drawing, and the
 * tile's spoken label saying how old its data is.
 */
export function markStaleTiles(spec: TileMapSpec, freshness: Freshness): FreshTileMapSpec {
  const fresh = byForce(freshness);
  const tiles = spec.tiles.map((tile) => {
    const force = fresh.get(tile.force_id);
    const stale = force?.stale ?? false;
    return { ...tile, stale, label: stale && force ? `${tile.label}; ${STALE_TAG}: ${freshnessWords(force)}` : tile.label };
  });
  const stale = tiles.filter((t) => t.stale);
  return {
    ...spec,
    tiles,
    notes: [...(spec.notes ?? []), `Dashed outline: ${staleNote(freshness, spec.asOf ?? '')}`],
    plot: {
      ...spec.plot,
      marks: [
        ...(spec.plot.marks ?? []),
        Plot.cell(stale, { x: 'col', y: 'row', fill: 'none', stroke: HIGHLIGHT_OUTLINE, strokeWidth: 2, strokeDasharray: '4,3', inset: 3 }),
      ],
    },
    table: withLastUpdate(spec.table, freshness),
  };
}

/** A ranking's rank before a force's name on its axis: "3= ". */
const RANK_PREFIX = /^\d+=? /;

/**
 * A chart with one row or bar per force, named on its y axis (the ranking): stale forces' names
 * carry the tag, and its table gains each force's last update.
 */
export function markStaleForceAxis(spec: ChartSpec, freshness: Freshness): ChartSpec {
  const staleNames = new Set(freshness.forces.filter((f) => f.stale).map((f) => f.name));
  return {
    ...spec,
    notes: [...(spec.notes ?? []), staleNote(freshness, spec.asOf ?? '')],
    plot: {
      ...spec.plot,
      marginLeft: Math.max(spec.plot.marginLeft ?? 0, 190),
      // The ranking's axis reads "3= Name" (its rank first): the name is what follows the rank.
      y: { ...spec.plot.y, tickFormat: (label: string) => (staleNames.has(label.replace(RANK_PREFIX, '')) ? `${label} (${STALE_TAG})` : label) },
    },
    table: withLastUpdate(spec.table, freshness),
  };
}

/** The table (one row per force, named in `name`) with each force's last update and days since at the end. */
function withLastUpdate(table: ChartSpec['table'], freshness: Freshness): ChartSpec['table'] {
  const byName = new Map<string, ForceFreshness>(freshness.forces.map((f) => [f.name, f]));
  return {
    columns: [
      ...table.columns,
      { key: 'last_update', label: 'Last update', format: 'text' },
      { key: 'days_since', label: 'Days since', format: 'integer' },
    ],
    rows: table.rows.map((row) => {
      const force = byName.get(String(row.name));
      const when = force?.last_update ? formatDate(force.last_update) : 'None yet';
      return { ...row, last_update: force?.stale ? `${when} (${STALE_TAG})` : when, days_since: force?.days_since ?? null };
    }),
  };
}
