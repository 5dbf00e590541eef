/** The measures a force is benchmarked on; forceMeasuresCte computes each. */
export const BENCHMARK_MEASURES = [
  {
    id: 'compliance',
    label: 'Compliance rate',
    higherIsBetter: true,
    definition: 'Compliance rate: complete ÷ in scope.',
  },
  {
    id: 'overdue',
    label: 'Overdue share',
    higherIsBetter: false,
    definition: 'Overdue share: overdue ÷ in scope (lower is better).',
  },
  {
    id: 'on_time',
    label: 'On-time rate',
    higherIsBetter: true,
    definition:
      'On-time rate: of the recommendations in scope whose deadline has passed (due date before the as-of date), the share first completed on or before the due date.',
  },
] as const;

export type BenchmarkMeasure = (typeof BENCHMARK_MEASURES)[number]['id'];

export const DEFAULT_MEASURE: BenchmarkMeasure = 'compliance';

export function isBenchmarkMeasure(value: string | null): value is BenchmarkMeasure {
  return BENCHMARK_MEASURES.some((measure) => measure.id === value);
}

export function measureInfo(id: BenchmarkMeasure): (typeof BENCHMARK_MEASURES)[number] {
  return BENCHMARK_MEASURES.find((measure) => measure.id === id)!;
}

/** Rank and percentile, word for word as shown beside them. */
export const RANK_DEFINITION =
  'Rank: 1 is best; forces with the same rate share a rank. Percentile: the share of the other forces with a worse rate, ties counted half (100 = better than every other force).';
