/**
 * Dates as whole days since 1970-01-01 (UTC), the unit of Arrow's Date32 and DuckDB's DATE.
 * Working in UTC days keeps the output independent of the machine's time zone.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch for an ISO date (YYYY-MM-DD); rejects anything else, including impossible dates. */
export function isoToDay(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new Error(`Not an ISO date (YYYY-MM-DD): "${iso}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) throw new Error(`No such date: "${iso}"`);
  return ms / MS_PER_DAY;
}

/** ISO date (YYYY-MM-DD) for days since the epoch. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Epoch day of the last day of a month (monthIndex 0 = January; Date.UTC carries overflow into the year). */
function monthEndOf(year: number, monthIndex: number): number {
  return Date.UTC(year, monthIndex + 1, 0) / MS_PER_DAY;
}

/**
 * Month ends strictly after `after` and on or before `until`, every `stepMonths` months
 * counted from January (step 3 gives the quarter ends 31 Mar, 30 Jun, 30 Sep, 31 Dec).
 */
export function periodEndsBetween(after: number, until: number, stepMonths: 1 | 3): number[] {
  const start = new Date(after * MS_PER_DAY);
  let year = start.getUTCFullYear();
  // The first period end at or after `after`: round the month up to the step's boundary.
  let monthIndex = Math.floor(start.getUTCMonth() / stepMonths) * stepMonths + stepMonths - 1;
  const ends: number[] = [];
  for (;;) {
    const end = monthEndOf(year, monthIndex);
    if (end > until) return ends;
    if (end > after) ends.push(end);
    monthIndex += stepMonths;
    if (monthIndex > 11) {
      monthIndex -= 12;
      year += 1;
    }
  }
}

/** Quarter ends (31 Mar, 30 Jun, 30 Sep, 31 Dec) strictly after `after`, up to and including `until`. */
export function quarterEndsBetween(after: number, until: number): number[] {
  return periodEndsBetween(after, until, 3);
}

/** Month ends strictly after `after`, up to and including `until`. */
export function monthEndsBetween(after: number, until: number): number[] {
  return periodEndsBetween(after, until, 1);
}
