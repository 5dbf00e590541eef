import { parseArgs } from 'node:util';
import { isoToDay } from './calendar-days';

/** Command-line options of scripts/generate-statuses.ts. */
export interface GeneratorOptions {
  readonly seed: number;
  readonly until: string;
  readonly updates: number | undefined;
  /** undefined: data/status-illustrative.arrows in the repository, wherever the script is run from. */
  readonly outArrow: string | undefined;
  readonly outCsv: string | undefined;
  readonly outDir: string | undefined;
}

export const DEFAULT_SEED = 20230711;
/** Fixed, so the shipped demo data never depends on the day it was generated. */
export const DEFAULT_UNTIL = '2026-09-30';

export const USAGE = `Usage: tsx scripts/generate-statuses.ts [options]
  --seed N          seed for the illustrative histories (default ${DEFAULT_SEED})
  --until DATE      last possible update, ISO (default ${DEFAULT_UNTIL})
  --updates N       exact number of rows (default: the natural histories whole);
                    more than natural adds synthetic inspections, fewer truncates
  --out-arrow PATH  Arrow IPC stream (default data/status-illustrative.arrows)
  --out-csv PATH    also write the rows as CSV
  --out-dir DIR     also write DIR/inspections.csv and DIR/recommendations.csv, synthetic ones included
  --help            show this text`;

/** A whole number, allowing 5_000_000, 5,000,000 or 5e6 for readability. */
function wholeNumber(name: string, text: string): number {
  const value = Number(text.replaceAll(/[_,]/g, ''));
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, not "${text}"`);
  return value;
}

/** Parsed options, or null when --help was asked for. Throws with a readable message on bad input. */
export function parseGeneratorOptions(argv: readonly string[]): GeneratorOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      seed: { type: 'string' },
      until: { type: 'string' },
      updates: { type: 'string' },
      'out-arrow': { type: 'string' },
      'out-csv': { type: 'string' },
      'out-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return null;
  const until = values.until ?? DEFAULT_UNTIL;
  try {
    isoToDay(until);
  } catch {
    throw new Error(`--until must be an ISO date (YYYY-MM-DD), not "${until}"`);
  }
  return {
    seed: values.seed === undefined ? DEFAULT_SEED : wholeNumber('seed', values.seed),
    until,
    updates: values.updates === undefined ? undefined : wholeNumber('updates', values.updates),
    outArrow: values['out-arrow'],
    outCsv: values['out-csv'],
    outDir: values['out-dir'],
  };
}
