/**
 * Dates as responses write them, always day first: "11.7.23", "11/07/2023", "4 September 2023",
 * "the 11th of July 2023". Never month first.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** A written date, anywhere in a text: the pattern's groups are read by `isoFromMatch`. */
export const WRITTEN_DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH_NAME},? (\\d{4})|(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  'gi',
);

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

export function isoFromMatch(m: RegExpExecArray | RegExpMatchArray): string | null {
  if (m[1]) {
    const month = MONTHS.findIndex((name) => name.startsWith(m[2]!.toLowerCase().slice(0, 3))) + 1;
    return iso(Number(m[3]), month, Number(m[1]));
  }
  if (m[4]) {
    const year = m[6]!.length === 2 ? 2000 + Number(m[6]) : Number(m[6]);
    return iso(year, Number(m[5]), Number(m[4]));
  }
  return iso(Number(m[7]), Number(m[8]), Number(m[9]));
}

/** The first date written in a text, as ISO; null when none. */
export function firstDate(text: string): string | null {
  for (const m of text.matchAll(WRITTEN_DATE)) {
    const date = isoFromMatch(m);
    if (date) return date;
  }
  return null;
}

/** Days added to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "4 September 2023": how a date is shown. */
export function dayFirst(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}`;
}
