import { describe, expect, it } from 'vitest';
import { aboutBytes, MEMORY_PER_FILE_BYTE, memoryRefusal, memoryVerdict, parseMemorySize } from '../../../src/lib/data/ingest/read/memory-estimate';

// Issue 15: a 5M-row file was read whole before DuckDB ran out of memory; now it is refused first, with the sizes.
describe('the memory a load needs', () => {
  it("reads DuckDB's memory settings", () => {
    expect(parseMemorySize('3.1 GiB')).toBeCloseTo(3.1 * 2 ** 30);
    expect(parseMemorySize('72.0 MiB')).toBe(72 * 2 ** 20);
    expect(parseMemorySize('512MB')).toBe(512e6);
    expect(parseMemorySize('unlimited')).toBeNull();
  });

  it("refuses a 500 MB CSV (about 5M statuses) in the browser's 3.1 GiB, and lets the 99 MB 1M-row file through", () => {
    const limit = parseMemorySize('3.1 GiB')!;
    const used = 150e6; // the demo data and its pre-aggregates
    expect(memoryVerdict(500e6, limit, used).fits).toBe(false);
    expect(memoryVerdict(99e6, limit, used)).toEqual({ fits: true, needed: 99e6 * MEMORY_PER_FILE_BYTE, available: limit - used });
  });

  it('names the file and its size, says both memory figures in round figures, and what to do instead', () => {
    const verdict = memoryVerdict(500e6, parseMemorySize('3.1 GiB')!, 150e6);
    expect(memoryRefusal([{ name: 'statuses-5m.csv', size: 500e6 }], verdict)).toBe(
      'statuses-5m.csv (500 MB) needs about 3.5 GB of memory to load; this browser can hold about 3.2 GB more. '
      + 'Nothing was read and your data is as it was. The command line is not held to a browser\'s memory: '
      + '"npx oversight figures statuses-5m.csv" gives the figures on your computer, and "npx oversight build-site statuses-5m.csv" '
      + 'makes a site that opens them without loading them. Or split the file into smaller ones and load them one after another.');
    expect(memoryRefusal([{ name: 'a.csv', size: 300e6 }, { name: 'b.csv', size: 1.2e9 }], memoryVerdict(1.5e9, 2e9, 0)))
      .toMatch(/^These files \(1\.5 GB in all\) need about 10\.5 GB of memory to load; this browser can hold about 2\.0 GB more\. .*"npx oversight figures FILES"/);
    expect(aboutBytes(0)).toBe('about 1 MB');
  });
});
