import { formatDate } from './format';

/** One of the user's own status files, as the source line names it. */
export interface OwnFile {
  name: string;
  /** ISO time of the load. */
  loadedAt: string;
}

/**
 * The source line for a set of status sources, with illustrative data named as such. The user's
 * own files (whose rows carry the file's name as their source) are named as theirs, with the day
 * they were loaded, and the statuses shipped beside them as shipped.
 */
export function sourceLine(statusSources: readonly string[], ownFiles: readonly OwnFile[] = []): string {
  if (ownFiles.length > 0) return ownSourceLine(statusSources, ownFiles);
  const named = statusSources.map(sourceName);
  const statuses = named.length > 0 ? named.join('; ') : 'no status updates loaded';
  return `HMICFRS inspection reports and recommendations. Statuses: ${statuses}.`;
}

/** One status source as shown to readers: generated statuses say so. */
export function sourceName(source: string): string {
  return source === 'illustrative' ? 'Illustrative statuses (generated for demonstration, not real)' : source;
}

/** The source of the statuses shipped from PCC responses (src/lib/data/shipped-data.ts). */
const SHIPPED_RESPONSES = 'PCC response';

export function hasShippedResponses(statusSources: readonly string[]): boolean {
  return statusSources.includes(SHIPPED_RESPONSES);
}

export function isIllustrative(statusSources: readonly string[]): boolean {
  return statusSources.includes('illustrative');
}

const SHIPPED_BESIDE: Record<string, string> = {
  [SHIPPED_RESPONSES]: 'statuses read from PCC responses, shipped with Oversight',
  illustrative: sourceName('illustrative'),
};

function ownSourceLine(statusSources: readonly string[], ownFiles: readonly OwnFile[]): string {
  const fileNames = new Set(ownFiles.map((file) => file.name));
  const files = ownFiles.map((file) => `${file.name} (loaded ${formatDate(file.loadedAt.slice(0, 10))})`);
  const yours = `your ${files.length === 1 ? 'file' : 'files'} ${files.join(', ')}`;
  // A Source column of the user's names its own sources; they are listed as written.
  const others = statusSources.filter((source) => !fileNames.has(source)).map((source) => SHIPPED_BESIDE[source] ?? source);
  return `HMICFRS inspection reports and recommendations. Statuses: ${[yours, ...others].join('; ')}.`;
}
