/**
 * Dates as people type them: day first (31/07/2024, 31-07-2024, 31.07.2024, 1/7/2024) or ISO
 * (2024-07-31), whatever the browser's locale; never month first. The app speaks UK dates.
 */

export type TypedDate =
  | { readonly ok: true; readonly iso: string }
  | { readonly ok: false; readonly message: string };

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO date of a real calendar day, or null (31/02/2024 is not one). */
function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 2024-07-31 → 31/07/2024. */
export function dayFirst(iso: string): string {
  const match = ISO.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** Reads a typed date and checks it lies within [min, max] (ISO, inclusive, either may be absent). */
export function readTypedDate(text: string, min?: string, max?: string): TypedDate {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  const dmy = DAY_FIRST.exec(trimmed);
  const parsed = iso
    ? isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : dmy
      ? isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
      : null;
  if (parsed === null) {
    return {
      ok: false,
      message:
        trimmed === ''
          ? 'Enter a date, day first, for example 31/07/2024.'
          : `“${trimmed}” is not a date written day first, for example 31/07/2024.`,
    };
  }
  if ((min && parsed < min) || (max && parsed > max)) {
    const range =
      min && max ? `from ${dayFirst(min)} to ${dayFirst(max)}` : min ? `on or after ${dayFirst(min)}` : `on or before ${dayFirst(max!)}`;
    return { ok: false, message: `Choose a date ${range}.` };
  }
  return { ok: true, iso: parsed };
}
