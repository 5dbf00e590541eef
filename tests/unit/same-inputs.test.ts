import { describe, expect, it } from 'vitest';
import { sameSpecForSameInputs } from '../../src/lib/charts/same-inputs';

describe('sameSpecForSameInputs', () => {
  // A stand-in chart that counts its builds, so the test sees when it runs.
  let builds = 0;
  const chart = (rows: readonly { force: string; rate: number | bigint }[], asOf: string) => {
    builds += 1;
    return { id: 'ranking', asOf, rows };
  };

  it('returns the last spec itself for inputs equal by content, even as new objects', () => {
    builds = 0;
    const build = sameSpecForSameInputs(chart);
    const first = build([{ force: 'kent', rate: 0.5 }], '2025-06-30');
    const again = build([{ force: 'kent', rate: 0.5 }], '2025-06-30');
    expect(again).toBe(first);
    expect(builds).toBe(1);
  });

  it('builds again when any input differs: a value, a date, a big integer', () => {
    builds = 0;
    const build = sameSpecForSameInputs(chart);
    const first = build([{ force: 'kent', rate: 1n }], '2025-06-30');
    // The number 1 and the big integer 1 are different inputs.
    const asNumber = build([{ force: 'kent', rate: 1 }], '2025-06-30');
    expect(asNumber).not.toBe(first);
    expect(build([{ force: 'kent', rate: 2n }], '2025-06-30')).not.toBe(asNumber);
    expect(build([{ force: 'kent', rate: 2n }], '2025-03-31').asOf).toBe('2025-03-31');
    expect(builds).toBe(4);
  });
});
