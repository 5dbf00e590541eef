import type { ChangePeriod } from '../../metrics/changes/changes.sql';
import type { ChartContext } from '../shared/chart-spec';
import { formatDate } from '../shared/format';

/** The subtitle's opening for a chart of changes: "From 15 March 2024 to 30 June 2024 · signed off (complete only)". */
export function periodWords(period: ChangePeriod, context: ChartContext): string {
  const counting = context.pendingCountsAsComplete ? 'reported complete (pending closure counted)' : 'signed off (complete only)';
  return `From ${formatDate(period.from)} to ${formatDate(period.to)} · ${counting} · ${context.scope}`;
}

/** "+3", "−2", "0": a change as read aloud and printed (a true minus sign). */
export function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}
