import type { Snapshot } from '../../../db/snapshot';
import { shippedSnapshot } from '../../../db/shipped-snapshot';
import { MANIFEST_FILE, savedDataFolder, writeSavedFile } from './saved-data-folder';

/**
 * The national view's first answers for the user's saved data, kept beside it, so the next visit
 * draws the user's numbers before the engine has started (issue 4). Written with every save before
 * the manifest, and trusted only for the save that manifest names, made with this build's shipped
 * data (forces, recommendations) and this summary format: anything else waits for the engine.
 */
export const SUMMARY_FILE = 'first-view.json';
const FORMAT = 1;

/** Records the first view of the data being saved, under the key it is given. */
export type Summarise = (dataKey: string) => Promise<Snapshot>;

const dataKeyOf = (savedAt: string) => `summary-v${FORMAT} saved ${savedAt} shipped ${shippedSnapshot?.dataKey ?? 'none'}`;

async function readText(dir: FileSystemDirectoryHandle, name: string): Promise<string> {
  return (await (await dir.getFileHandle(name)).getFile()).text();
}

/**
 * Writes the summary of the save made at `savedAt`. Never fails the save: a summary that could not
 * be made is removed, and the next visit waits for the engine as it would without one.
 */
export async function writeSavedSummary(dir: FileSystemDirectoryHandle, savedAt: string, summarise: Summarise | undefined): Promise<void> {
  const remove = () => dir.removeEntry(SUMMARY_FILE).catch(() => {});
  if (!summarise) return remove();
  try {
    await writeSavedFile(dir, SUMMARY_FILE, JSON.stringify(await summarise(dataKeyOf(savedAt))));
  } catch {
    await remove();
  }
}

/** The summary of the complete save in this browser, or null when there is none that matches it. */
export async function readSavedSummary(): Promise<Snapshot | null> {
  const dir = await savedDataFolder(false);
  if (!dir) return null;
  try {
    const [manifest, summary] = await Promise.all([readText(dir, MANIFEST_FILE), readText(dir, SUMMARY_FILE)]);
    const { savedAt } = JSON.parse(manifest) as { savedAt?: unknown };
    const snapshot = JSON.parse(summary) as Snapshot;
    return typeof savedAt === 'string' && snapshot.dataKey === dataKeyOf(savedAt) && Array.isArray(snapshot.entries) ? snapshot : null;
  } catch {
    return null;
  }
}
