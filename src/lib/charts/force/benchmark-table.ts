import { BENCHMARK_MEASURES, type BenchmarkMeasure } from '../../metrics/force/benchmark-measures';
import type { BenchmarkGroup, GroupAggregate } from '../../metrics/force/peer-aggregates.sql';
import type { PeerChoice } from '../../state/peers/peer-groups';

export type FigureKind = 'force' | 'pooled' | 'median';

export interface BenchmarkCell {
  value: number | null;
  numerator: number;
  denominator: number;
}

/** One line of the force's headline table: a group, and whether its figures are pooled or a median. */
export interface BenchmarkLine {
  group: BenchmarkGroup;
  label: string;
  kind: FigureKind;
  forces: number;
  cells: Record<BenchmarkMeasure, BenchmarkCell | null>;
}

const GROUP_ORDER: readonly BenchmarkGroup[] = ['force', 'compare', 'peers', 'region', 'compare_region', 'nation'];

/**
 * The headline table's lines from the SQL's group figures: each force once, then every group twice
 * (pooled, then median force). When the peer group is the region or all forces, its lines would
 * repeat those, so they are folded in and the label says so.
 */
export function benchmarkLines(groups: readonly GroupAggregate[], choice: PeerChoice, peerLabel: string): BenchmarkLine[] {
  const lines: BenchmarkLine[] = [];
  for (const group of GROUP_ORDER) {
    if (group === 'peers' && choice.kind !== 'named') continue;
    const rows = groups.filter((g) => g.group === group);
    const first = rows[0];
    if (!first) continue;
    let label = group === 'peers' ? `Peer group: ${peerLabel}` : first.label;
    if (group === 'region' && choice.kind === 'region') label = `${label} (region; the peer group)`;
    else if (group === 'region' || group === 'compare_region') label = `${label} (region)`;
    if (group === 'nation' && choice.kind === 'all') label = `${label} (all forces; the peer group)`;
    const kinds: FigureKind[] = group === 'force' || group === 'compare' ? ['force'] : ['pooled', 'median'];
    for (const kind of kinds) {
      const cells = Object.fromEntries(
        BENCHMARK_MEASURES.map(({ id }) => {
          const row = rows.find((r) => r.measure === id);
          if (!row) return [id, null];
          const value = kind === 'median' ? row.median : row.pooled;
          return [id, { value, numerator: row.numerator, denominator: row.denominator }];
        }),
      ) as Record<BenchmarkMeasure, BenchmarkCell | null>;
      lines.push({ group, label, kind, forces: first.forces, cells });
    }
  }
  return lines;
}
