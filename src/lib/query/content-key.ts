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

/**
 * Whether two results hold the same content, as their contentKeys would say, compared in place:
 * a result that changed (a force's recommendations when another force is chosen) differs in its
 * first row and answers at once, where writing out its key read every value first. Values that
 * are not plain rows (dates, maps, typed arrays) are compared by their keys, as before.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (!isPlain(a) || !isPlain(b)) return contentKey(a) === contentKey(b);
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameContent((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

const isPlain = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};
