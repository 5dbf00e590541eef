/** Where a tile sits on the tile map's grid. */
export interface TilePlace {
  readonly col: number;
  readonly row: number;
}

export type TileKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

const isTileKey = (key: string): key is TileKey =>
  ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key);

/**
 * The tile an arrow key moves to from tile `from` (an index into `tiles`), on a map with gaps:
 * left and right go to the nearest tile along the same row; up and down to the nearest row that
 * has a tile, then the tile closest in column (the western one on a tie); Home and End to the
 * first and last tile of the row. null when there is nothing that way, or the key is not one of these.
 */
export function tileAfterKey(tiles: readonly TilePlace[], from: number, key: string): number | null {
  const here = tiles[from];
  if (!here || !isTileKey(key)) return null;
  const indexed = tiles.map((place, index) => ({ ...place, index }));
  const sameRow = indexed.filter((t) => t.row === here.row).sort((a, b) => a.col - b.col);
  if (key === 'Home') return sameRow[0]!.index === from ? null : sameRow[0]!.index;
  if (key === 'End') return sameRow.at(-1)!.index === from ? null : sameRow.at(-1)!.index;
  if (key === 'ArrowLeft') return sameRow.filter((t) => t.col < here.col).at(-1)?.index ?? null;
  if (key === 'ArrowRight') return sameRow.find((t) => t.col > here.col)?.index ?? null;
  const step = key === 'ArrowUp' ? -1 : 1;
  const rows = [...new Set(indexed.map((t) => t.row))].filter((row) => (row - here.row) * step > 0);
  if (rows.length === 0) return null;
  const nextRow = step < 0 ? Math.max(...rows) : Math.min(...rows);
  const candidates = indexed
    .filter((t) => t.row === nextRow)
    .sort((a, b) => Math.abs(a.col - here.col) - Math.abs(b.col - here.col) || a.col - b.col);
  return candidates[0]!.index;
}
