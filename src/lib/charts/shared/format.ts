/** How numbers and dates read everywhere in the app (UK conventions). */
export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined || Number.isNaN(rate) ? '–' : `${Math.round(rate * 100)}%`;
}

// One formatter for every number: toLocaleString builds a new one per call, which the overdue
// list's hundreds of cells per redraw made a visible share of an interaction.
const WHOLE_NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : WHOLE_NUMBER.format(value);
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

// Tables write the same few hundred dates on every redraw: each is formatted once.
const longDates = new Map<string, string>();

/** "2026-09-30" → "30 September 2026". */
export function formatDate(isoDate: string): string {
  let words = longDates.get(isoDate);
  if (words === undefined) {
    words = LONG_DATE.format(new Date(`${isoDate}T00:00:00Z`));
    if (longDates.size > 20_000) longDates.clear();
    longDates.set(isoDate, words);
  }
  return words;
}

/** The as-of clause every subtitle starts with. */
export function asOfWords(asOf: string, pendingCountsAsComplete: boolean): string {
  const counting = pendingCountsAsComplete ? 'reported complete (pending closure counted)' : 'signed off (complete only)';
  return `As on ${formatDate(asOf)} · ${counting}`;
}
