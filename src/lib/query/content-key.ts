/**
 * A value's content as a string, big integers kept apart from numbers (DuckDB counts may arrive as
 * bigint): two results with the same key hold the same rows. Most results hold no bigint, and a
 * replacer function called for every value made this a few ms per as-of change on the demo data,
 * so the replacer runs only when plain JSON meets a bigint (and throws).
 */
export function contentKey(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch (cause) {
    if (!(cause instanceof TypeError)) throw cause;
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? 'undefined';
  }
}
