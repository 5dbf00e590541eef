/**
 * For functions of specs: given the very same objects as the last call
 * (a spec already reused by content), returns the last result, so its frame does not draw again.
 */
export function sameResultForSameObjects<A extends readonly object[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R | undefined;
  return (...args: A): R => {
    if (lastArgs === null || last === undefined || args.length !== lastArgs.length || args.some((arg, i) => arg !== lastArgs![i])) {
      last = fn(...args);
      lastArgs = args;
    }
    return last;
  };
}
