/**
 * A value's content as a string, big integers kept apart from numbers (DuckDB counts may arrive as
 * bigint): two results with the same key hold the same rows.
 */
export const contentKey = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? 'undefined';
