const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date typed into a field, once it is complete and valid: a real ISO day, not before `min` (the
 * first report, when known) nor before 1900. A date field reports each keystroke of the year ("0002", "0020", "0202") as a date; those
 * fall outside the data's dates and run nothing.
 */
export function completeDate(value: string, min = ''): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const day = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return null;
  if (Number(match[1]) < 1900) return null;
  if (min && value < min) return null;
  return value;
}
