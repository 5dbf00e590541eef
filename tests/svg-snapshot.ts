import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Chart SVGs compared with snapshot files in tests/snapshots, normalised as Observable Plot's own
 * tests do (numbers rounded, generated class names renumbered), so a change shows as a readable
 * diff. Set UPDATE_SNAPSHOTS=1 to rewrite them after an intended change.
 */
export function normaliseSvg(svg: string): string {
  let n = 0;
  const classes = new Map<string, string>();
  return svg
    .replace(/^<\?xml[^>]*>\n/, '')
    .replace(/plot-[0-9a-f]{6,}/g, (name) => {
      if (!classes.has(name)) classes.set(name, `plot-${(n += 1)}`);
      return classes.get(name)!;
    })
    .replace(/-?\d+\.\d+/g, (number) => String(Math.round(Number(number) * 100) / 100))
    .replace(/></g, '>\n<');
}

export function matchSvgSnapshot(name: string, svg: string): void {
  const dir = new URL('./snapshots/', import.meta.url);
  const file = new URL(name, dir);
  if (process.env.UPDATE_SNAPSHOTS || !existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, svg);
  }
  expect(svg).toBe(readFileSync(file, 'utf8'));
}
