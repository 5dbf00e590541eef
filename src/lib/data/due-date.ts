/**
 * A recommendation's due date from its deadline as written (DESIGN.md, "Due date from due_text"):
 * "By D" → D; "By March 2023" → the month's last day; "Within N months" → published + N months;
 * "With immediate effect" / "immediately" → published. Returns null for wording it cannot read.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december'];
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, 'twenty-four': 24,
};

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months, clamping to the month's end (31 Aug + 6 months → 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

export function dueDateFrom(dueText: string, published: string): string | null {
  const text = dueText.trim().toLowerCase().replace(/[.,]$/, '');
  if (/immediate|^immediately$/.test(text)) return published;

  const within = /^within (\d+|[a-z-]+) months?$/.exec(text);
  if (within?.[1]) {
    const n = /^\d+$/.test(within[1]) ? Number(within[1]) : NUMBER_WORDS[within[1]];
    return n === undefined ? null : addMonths(published, n);
  }

  const byDay = /^by (\d{1,2}) ([a-z]+) (\d{4})$/.exec(text);
  if (byDay) {
    const month = MONTHS.indexOf(byDay[2]!) + 1;
    const year = Number(byDay[3]);
    const day = Number(byDay[1]);
    if (month === 0 || day < 1 || day > daysInMonth(year, month)) return null;
    return iso(year, month, day);
  }

  const byMonth = /^by (?:the end of )?([a-z]+) (\d{4})$/.exec(text);
  if (byMonth) {
    const month = MONTHS.indexOf(byMonth[1]!) + 1;
    const year = Number(byMonth[2]);
    return month === 0 ? null : iso(year, month, daysInMonth(year, month));
  }
  return null;
}
