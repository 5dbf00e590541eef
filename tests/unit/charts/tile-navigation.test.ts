import { describe, expect, it } from 'vitest';
import { FORCE_TILES } from '../../../src/lib/charts/national/force-tile-layout';
import { tileAfterKey } from '../../../src/lib/charts/national/tile-navigation';

/** Arrow keys on the tile map's real layout (see the drawing in force-tile-layout.ts). */
const at = (id: string) => FORCE_TILES.findIndex((t) => t.force_id === id);
const move = (id: string, key: string) => {
  const to = tileAfterKey(FORCE_TILES, at(id), key);
  return to === null ? null : FORCE_TILES[to]!.force_id;
};

describe('moving between tiles with the keyboard', () => {
  it('goes left and right along the row, and stops at its ends', () => {
    expect(move('durham', 'ArrowLeft')).toBe('cumbria');
    expect(move('durham', 'ArrowRight')).toBe('cleveland');
    expect(move('cleveland', 'ArrowRight')).toBeNull();
  });

  it('crosses the gaps in a row', () => {
    // Row 8: D&C DOR (gap) SSX KNT.
    expect(move('dorset', 'ArrowRight')).toBe('sussex');
  });

  it('goes up and down to the closest tile in the next row that has one', () => {
    expect(move('northumbria', 'ArrowDown')).toBe('durham');
    expect(move('durham', 'ArrowUp')).toBe('northumbria');
    expect(move('northumbria', 'ArrowUp')).toBeNull();
    expect(move('kent', 'ArrowDown')).toBeNull();
  });

  it('goes to the first and last tile of the row with Home and End', () => {
    expect(move('durham', 'Home')).toBe('cumbria');
    expect(move('durham', 'End')).toBe('cleveland');
  });

  it('ignores other keys', () => {
    expect(move('durham', 'Enter')).toBeNull();
  });

  it('reaches every force from the first by arrow keys', () => {
    const reached = new Set([0]);
    const queue = [0];
    while (queue.length > 0) {
      const from = queue.shift()!;
      for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) {
        const to = tileAfterKey(FORCE_TILES, from, key);
        if (to !== null && !reached.has(to)) { reached.add(to); queue.push(to); }
      }
    }
    expect(reached.size).toBe(FORCE_TILES.length);
  });
});
