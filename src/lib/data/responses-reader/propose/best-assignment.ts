/**
 * The pairing of rows with columns (each used at most once) that gives the largest total weight:
 * the Hungarian method, on a square matrix padded with zeros. Weights of 0 mean "not a pair".
 */
export function bestAssignment(weights: readonly (readonly number[])[]): [row: number, column: number][] {
  const rows = weights.length;
  const columns = rows === 0 ? 0 : weights[0]!.length;
  const n = Math.max(rows, columns);
  if (n === 0) return [];
  const top = Math.max(0, ...weights.flat());
  const cost = (i: number, j: number) => top - (i < rows && j < columns ? weights[i]![j]! : 0);
  // Potentials and the matching, 1-based as in the textbook form.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const match = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i += 1) {
    match[0] = i;
    let j0 = 0;
    const least = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = match[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j += 1) {
        if (used[j]) continue;
        const reduced = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (reduced < least[j]!) { least[j] = reduced; way[j] = j0; }
        if (least[j]! < delta) { delta = least[j]!; j1 = j; }
      }
      for (let j = 0; j <= n; j += 1) {
        if (used[j]) {
          u[match[j]!] = u[match[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else least[j] = least[j]! - delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do { const j1 = way[j0]!; match[j0] = match[j1]!; j0 = j1; } while (j0 !== 0);
  }
  const pairs: [number, number][] = [];
  for (let j = 1; j <= n; j += 1) {
    const i = match[j]! - 1;
    if (i < rows && j - 1 < columns && weights[i]![j - 1]! > 0) pairs.push([i, j - 1]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}
