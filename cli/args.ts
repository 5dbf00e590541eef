import { parseArgs } from 'node:util';

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  oversight check FILES… [--json] [--default-date DD/MM/YYYY]
      Checks status, inspection, recommendation and response files as the Data view does.
      Exit code 1 when any row or file has a problem, 0 when there are only warnings or none.
  oversight figures [FILES…] --as-of DD/MM/YYYY [--inspection ID]… [--region NAME] [--pending]
                    [--format csv|json] [--default-date DD/MM/YYYY]
      The national view's figures: England and Wales, each region and each force, as on the date.
      Without files, the demo data. --pending counts pending closure as complete.
  oversight build-site [FILES…] --out DIR [--default-date DD/MM/YYYY]
      A copy of the built app (run npm run build first) whose data and first view are the files,
      for publishing on a static host.

Dates are written day-first (31/03/2025) or as 2025-03-31.`;

/** A date typed day-first (31/03/2025, 31-03-2025) or ISO (2025-03-31), as ISO. */
export function parseDate(text: string, option: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  const date = new Date(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`);
  if (!year || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day)) {
    throw new UsageError(`${option} ${text} is not a date: expected a date written day-first, e.g. 31/03/2025, or as 2025-03-31`);
  }
  return date.toISOString().slice(0, 10);
}

export interface Invocation {
  command: 'check' | 'figures' | 'build-site';
  files: string[];
  json: boolean;
  format: 'csv' | 'json';
  asOf: string | null;
  inspections: string[];
  region: string | null;
  pending: boolean;
  out: string | null;
  defaultDate: string | null;
}

export function parseInvocation(argv: readonly string[]): Invocation {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'figures' && command !== 'build-site') {
    throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        format: { type: 'string', default: 'csv' },
        'as-of': { type: 'string' },
        inspection: { type: 'string', multiple: true, default: [] },
        region: { type: 'string' },
        pending: { type: 'boolean', default: false },
        out: { type: 'string' },
        'default-date': { type: 'string' },
      },
    });
  } catch (cause) {
    throw new UsageError(cause instanceof Error ? cause.message : String(cause));
  }
  const { values, positionals } = parsed;
  if (values.format !== 'csv' && values.format !== 'json') throw new UsageError(`--format ${values.format}: expected csv or json.`);
  if (command === 'check' && positionals.length === 0) throw new UsageError('check needs at least one file.');
  if (command === 'figures' && !values['as-of']) throw new UsageError('figures needs --as-of, the date the figures are as on.');
  if (command === 'build-site' && !values.out) throw new UsageError('build-site needs --out, the folder to write the site to.');
  return {
    command,
    files: positionals,
    json: values.json,
    format: values.format,
    asOf: values['as-of'] ? parseDate(values['as-of'], '--as-of') : null,
    inspections: values.inspection.flatMap((id) => id.split(',')).filter(Boolean),
    region: values.region ?? null,
    pending: values.pending,
    out: values.out ?? null,
    defaultDate: values['default-date'] ? parseDate(values['default-date'], '--default-date') : null,
  };
}
