/** The source line for a set of status sources, with illustrative data named as such. */
export function sourceLine(statusSources: readonly string[]): string {
  const named = statusSources.map((source) =>
    source === 'illustrative' ? 'Illustrative statuses (generated for demonstration, not real)' : source,
  );
  const statuses = named.length > 0 ? named.join('; ') : 'no status updates loaded';
  return `HMICFRS inspection reports and recommendations. Statuses: ${statuses}.`;
}

export function isIllustrative(statusSources: readonly string[]): boolean {
  return statusSources.includes('illustrative');
}
