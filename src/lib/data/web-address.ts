/**
 * An address from a data file as a link, or null. Only absolute http(s) addresses become links: a
 * user's inspections or responses file could hold `javascript:` or `data:` addresses, which a
 * click would run or open in the page's name.
 */
export function webAddress(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    // The URL parser drops the tabs and line breaks that browsers ignore ("java\tscript:").
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
