/** The address that shows one chart alone with its frame, in the state of `search`. */
export function embedUrl(pageUrl: string, chartId: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set('embed', chartId);
  url.hash = '';
  return url.href;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** An iframe snippet with a title attribute (WCAG: frames need a name). */
export function embedCode(pageUrl: string, chartId: string, title: string, height: number): string {
  return `<iframe src="${escapeAttribute(embedUrl(pageUrl, chartId))}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(height)}" style="border:0" loading="lazy"></iframe>`;
}
