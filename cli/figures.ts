import type { Connector } from '../src/lib/db/connector';
import { defaultFilters, type Filters } from '../src/lib/metrics/common/filters';
import { loadNationalView } from '../src/lib/metrics/national/national-view';
import { forceList } from '../src/lib/metrics/common/reference-lists.sql';
import { inspectionOptions } from '../src/lib/metrics/common/inspection-options.sql';
import { UsageError } from './args';
import { figureRows, type Figures } from './figures-table';

export interface FigureOptions {
  asOf: string;
  inspections: readonly string[];
  region: string | null;
  pending: boolean;
}

/** The closest of `known` to `given` (by letters in common), for "did you mean". */
function closest(given: string, known: readonly string[]): string | null {
  const letters = (text: string) => new Set(text.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const want = letters(given);
  let best: string | null = null;
  let bestScore = 0;
  for (const candidate of known) {
    const have = letters(candidate);
    const shared = [...want].filter((letter) => have.has(letter)).length;
    const score = shared / Math.max(want.size, have.size);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return bestScore >= 0.5 ? best : null;
}

function unknown(option: string, given: string, known: readonly string[]): UsageError {
  const guess = closest(given, known);
  return new UsageError(`${option} ${given} is not in the data${guess ? `: did you mean ${guess}?` : '.'} Known: ${known.join(', ')}.`);
}

/** The filters of the national view, checked against the loaded forces and inspections. */
export async function figureFilters(db: Connector, options: FigureOptions): Promise<Filters> {
  const regions = [...new Set((await forceList(db)).map((force) => force.region))].sort();
  const inspections = (await inspectionOptions(db)).map((option) => option.inspection_id);
  const region = options.region === null ? null
    : regions.find((name) => name.toLowerCase() === options.region!.toLowerCase()) ?? null;
  if (options.region !== null && region === null) throw unknown('--region', options.region, regions);
  for (const id of options.inspections) if (!inspections.includes(id)) throw unknown('--inspection', id, inspections);
  return { ...defaultFilters(options.asOf), inspections: [...options.inspections], region, pendingCountsAsComplete: options.pending };
}

/** The national view's queries, run as the view runs them, as rows for a report. */
export async function nationalFigures(db: Connector, options: FigureOptions): Promise<Figures> {
  return figureRows(await loadNationalView(db, await figureFilters(db, options)));
}
