/**
 * A failed load in words for people: what happened and what to do, with what the engine said kept
 * apart as detail (shown behind a disclosure, never alone). The app's own messages are already
 * written for people and pass through; DuckDB's ("Out of Memory Error: …", "Catalog Error: …")
 * are recognised by their "<Kind> Error:" opening.
 */
export interface LoadFailure {
  message: string;
  /** The engine's or the browser's own words, or null when the message says it all. */
  detail: string | null;
}

const ENGINE_MESSAGE = /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* Error: /;
const OUT_OF_MEMORY = /Out of Memory|failed to allocate|could not allocate|memory limit|RangeError: Array buffer allocation failed|Maximum call stack/i;

/** The engine or the browser ran out of memory: a load failure, never a problem of the file. */
export function isOutOfMemory(cause: unknown): boolean {
  return OUT_OF_MEMORY.test(cause instanceof Error ? cause.message : String(cause));
}

export function loadFailure(cause: unknown, stage: 'checking' | 'loading'): LoadFailure {
  const text = cause instanceof Error ? cause.message : String(cause);
  const doing = stage === 'checking' ? 'checking the file' : 'loading the checked rows';
  if (isOutOfMemory(cause)) {
    return {
      message: `This browser ran out of memory while ${doing}, so nothing was loaded and your data is as it was. ` +
        'Split the file into smaller ones and load them one after another, or close other tabs and try again.',
      detail: text,
    };
  }
  if (ENGINE_MESSAGE.test(text) || cause instanceof RangeError) {
    return {
      message: `Something went wrong inside the database engine while ${doing}, so nothing was loaded and your data is as it was. ` +
        'Try again; if it happens again, reload the page (your saved data comes back) and load the file once more.',
      detail: text,
    };
  }
  return { message: text, detail: null };
}
