import { parseArgs } from 'node:util';

/** The dataset sizes the issue asks for, in status updates. */
export const ALL_SIZES = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000, '5M': 5_000_000 } as const;
export type SizeLabel = keyof typeof ALL_SIZES;

export interface BenchOptions {
  sizes: SizeLabel[];
  /** Cold runs per page and dataset. */
  runs: number;
  /** Interactions of each kind per run (at least 30 for a p95 worth the name). */
  interactions: number;
  /** Skip the builds and reuse bench/tmp/app-dist and naive-dist. */
  skipBuild: boolean;
  /** Build the working tree as it is instead of a commit. */
  workingTree: boolean;
  /** The commit to build (default HEAD). */
  commit: string;
  quick: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]
  --sizes LIST        dataset sizes, from ${Object.keys(ALL_SIZES).join(',')} (default: all)
  --runs N            cold runs per page and dataset (default 3)
  --interactions N    interactions of each kind per run (default 30)
  --quick             one run, 10k only unless --sizes is given: a smoke test, not a measurement
  --commit REF        the commit to build, exported to bench/tmp (default HEAD)
  --working-tree      build the files as they are now instead
  --skip-build        reuse the last builds in bench/tmp
  --help              show this text`;

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

function sizeLabel(text: string): SizeLabel {
  const found = Object.keys(ALL_SIZES).find((label) => label.toLowerCase() === text.trim().toLowerCase());
  if (!found) throw new Error(`unknown size "${text}": use ${Object.keys(ALL_SIZES).join(', ')}`);
  return found as SizeLabel;
}

/** null when --help was asked for. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      interactions: { type: 'string' },
      quick: { type: 'boolean' },
      'skip-build': { type: 'boolean' },
      'working-tree': { type: 'boolean' },
      commit: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return null;
  const quick = values.quick ?? false;
  const defaultSizes: SizeLabel[] = quick ? ['10k'] : (Object.keys(ALL_SIZES) as SizeLabel[]);
  const sizes = values.sizes === undefined ? defaultSizes : values.sizes.split(',').filter(Boolean).map(sizeLabel);
  return {
    sizes: [...new Set(sizes)],
    runs: values.runs === undefined ? (quick ? 1 : 3) : positive('runs', values.runs),
    interactions: values.interactions === undefined ? 30 : positive('interactions', values.interactions),
    skipBuild: values['skip-build'] ?? false,
    workingTree: values['working-tree'] ?? false,
    commit: values.commit ?? 'HEAD',
    quick,
  };
}
