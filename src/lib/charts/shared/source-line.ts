/** The source line for a set of status sources, with illustrative data named as such. */
export function sourceLine(statusSources: readonly string[]): string {
  const named = statusSources.map(sourceName);
  const statuses = named.length > 0 ? named.join('; ') : 'no status updates loaded';
  return `HMICFRS inspection reports and recommendations. Statuses: ${statuses}.`;
}

/** One status source as shown to readers: generated statuses say so. */
export function sourceName(source: string): string {
  return source === 'illustrative' ? 'Illustrative statuses (generated for demonstration, not real)' : source;
}

export function isIllustrative(statusSources: readonly string[]): boolean {
  return statusSources.includes('illustrative');
}
