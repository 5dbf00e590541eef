const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a YYYY-MM-DD day that is on the calendar. Date.parse is not enough: it reads
 * 2024-02-30 as 1 March, and DuckDB then refuses the text with its own conversion error.
 */
export function isCalendarDate(text: string): boolean {
  const parts = ISO_DATE.exec(text);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
