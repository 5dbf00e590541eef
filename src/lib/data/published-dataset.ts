/**
 * A dataset published beside the app (written by `oversight build-site`, or any DuckDB database
 * of Oversight's tables): the browser reads it by HTTP range requests, from the page's own origin
 * only, so a viewer downloads the parts the queries touch.
 */
export const PUBLISHED_FOLDER = 'dataset';
export const PUBLISHED_DATABASE = 'oversight.duckdb';
export const PUBLISHED_SNAPSHOT = 'first-view.json';
export const PUBLISHED_STATUSES = 'statuses.parquet';
const META_NAME = 'oversight-dataset';

/** The tag build-site adds to index.html, naming the dataset the app opens by default. */
export const publishedMeta = (path: string) => `<meta name="${META_NAME}" content="${path}" />`;

export interface PublishedDataset {
  /** Absolute URL of the database file. */
  database: string;
  /** Absolute URL of the recorded first view beside it. */
  snapshot: string;
}

export type PublishedChoice = { dataset: PublishedDataset } | { error: string } | null;

/**
 * The dataset to open: `?data=<relative path>` in the address, else the one build-site named in
 * the page, else none (the demo data). A path that leaves the page's origin, or is not a DuckDB
 * database, is refused with a reason, never fetched.
 */
export function choosePublishedDataset(pageUrl: string, metaContent: string | null): PublishedChoice {
  const page = new URL(pageUrl);
  const given = page.searchParams.get('data') ?? metaContent;
  if (!given) return null;
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(given)) {
    return { error: `The data address "${given}" is not a path on this site: only a dataset beside the app can be opened.` };
  }
  const database = new URL(given, page);
  if (database.origin !== page.origin) {
    return { error: `The data address "${given}" leads off this site: only a dataset beside the app can be opened.` };
  }
  if (!database.pathname.endsWith('.duckdb')) {
    return { error: `The data address "${given}" is not a published dataset: expected a file ending .duckdb, as oversight build-site writes.` };
  }
  return { dataset: { database: database.href, snapshot: new URL(PUBLISHED_SNAPSHOT, database).href } };
}

/** The dataset build-site named in the page, if any. */
export function publishedMetaContent(doc: Document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${META_NAME}"]`)?.content ?? null;
}
