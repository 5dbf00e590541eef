import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORCE_TILES, TILE_COLUMNS, TILE_ROWS } from '../../../src/lib/charts/national/force-tile-layout';

const forces = readFileSync(new URL('../../../data/forces.csv', import.meta.url), 'utf8')
  .trim().split('\n').slice(1)
  .map((line) => {
    const [force_id, name, region, country] = line.split(',');
    return { force_id: force_id!, name: name!, region: region!, country: country! };
  });
const tileOf = (id: string) => FORCE_TILES.find((tile) => tile.force_id === id)!;

describe('the tile map layout', () => {
  it('has each of the 43 forces of data/forces.csv exactly once', () => {
    expect(forces).toHaveLength(43);
    expect(FORCE_TILES.map((t) => t.force_id).sort()).toEqual(forces.map((f) => f.force_id).sort());
  });

  it('gives no two forces the same tile, and keeps every tile on the grid', () => {
    expect(new Set(FORCE_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(43);
    for (const tile of FORCE_TILES) {
      expect(tile.col).toBeGreaterThanOrEqual(0);
      expect(tile.col).toBeLessThan(TILE_COLUMNS);
      expect(tile.row).toBeGreaterThanOrEqual(0);
      expect(tile.row).toBeLessThan(TILE_ROWS);
    }
  });

  it('labels each tile with a short abbreviation of its own', () => {
    for (const tile of FORCE_TILES) expect(tile.abbreviation).toMatch(/^[A-Za-z&]{2,4}$/);
    expect(new Set(FORCE_TILES.map((t) => t.abbreviation)).size).toBe(43);
  });

  it('is roughly geographic: north at the top, Wales to the west, London in the south-east', () => {
    expect(tileOf('northumbria').row).toBe(0);
    expect(Math.max(...FORCE_TILES.map((t) => t.row))).toBe(tileOf('kent').row);
    const welsh = forces.filter((f) => f.country === 'Wales').map((f) => tileOf(f.force_id));
    for (const tile of welsh) expect(tile.col).toBeLessThanOrEqual(1);
    expect(tileOf('north-wales').row).toBeLessThan(tileOf('south-wales').row);
    for (const id of ['metropolitan', 'city-of-london']) {
      expect(tileOf(id).col).toBeGreaterThanOrEqual(5);
      expect(tileOf(id).row).toBeGreaterThanOrEqual(7);
    }
    expect(tileOf('devon-and-cornwall').col).toBeLessThan(tileOf('kent').col);
    expect(tileOf('cumbria').row).toBeLessThan(tileOf('cheshire').row);
    expect(tileOf('norfolk').col).toBeGreaterThan(tileOf('derbyshire').col);
  });

  it('keeps each region’s tiles together (touching at a side or a corner)', () => {
    const regions = new Map<string, { col: number; row: number }[]>();
    for (const force of forces) regions.set(force.region, [...(regions.get(force.region) ?? []), tileOf(force.force_id)]);
    for (const [region, tiles] of regions) {
      const reached = new Set([0]);
      for (let grew = true; grew;) {
        grew = false;
        tiles.forEach((tile, i) => {
          if (reached.has(i)) return;
          const touches = [...reached].some((j) => Math.abs(tiles[j]!.col - tile.col) <= 1 && Math.abs(tiles[j]!.row - tile.row) <= 1);
          if (touches) (reached.add(i), (grew = true));
        });
      }
      expect(reached.size, region).toBe(tiles.length);
    }
  });
});
