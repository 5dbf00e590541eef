/** How a rank and a percentile read beside a force's figure. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** "3rd of 43" (or "joint 3rd of 43" when another force shares it). */
export function rankWords(rank: number | null, ranked: number, joint = false): string {
  return rank === null ? 'not ranked' : `${joint ? 'joint ' : ''}${ordinal(rank)} of ${ranked}`;
}

/** 0.25 → "25th percentile". */
export function percentileWords(percentile: number | null): string {
  return percentile === null ? 'no percentile' : `${ordinal(Math.round(percentile * 100))} percentile`;
}
