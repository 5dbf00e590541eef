/**
 * Where the user's data is kept between visits: a folder in this origin's private file system.
 * Kept apart from saved-data-opfs.ts so start-up can ask "is anything saved?" without loading
 * the code that restores it.
 */
export const FOLDER = 'oversight';
export const ROWS_FILE = 'status_updates.arrows';
export const MANIFEST_FILE = 'loads.json';

export async function savedDataFolder(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  if (!navigator.storage?.getDirectory) return null;
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(FOLDER, { create });
  } catch {
    return null;
  }
}

/** True when a complete save exists: its manifest is written last. */
export async function hasSavedData(): Promise<boolean> {
  const folder = await savedDataFolder(false);
  if (!folder) return false;
  try {
    await folder.getFileHandle(MANIFEST_FILE);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether data is saved, asked once as the page starts: the answer of the look public/saved-check.js
 * began while the page was parsed (the browser's first look into this storage takes about 50 ms,
 * which the first view would otherwise wait for), or a look of its own without it.
 */
export function hasSavedDataAtStart(): Promise<boolean> {
  const page = globalThis as { oversightSavedCheck?: Promise<boolean> };
  const early = page.oversightSavedCheck;
  delete page.oversightSavedCheck;
  return early ? early.catch(() => hasSavedData()) : hasSavedData();
}

/** Deletes everything saved; the next visit starts from the shipped data. */
export async function forgetSavedData(): Promise<void> {
  if (!navigator.storage?.getDirectory) return;
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(FOLDER, { recursive: true }).catch(() => {});
}

/** Writes one file in the folder. A writable commits on close: a write cut short leaves the file as it was. */
export async function writeSavedFile(dir: FileSystemDirectoryHandle, name: string, data: Blob | string): Promise<void> {
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  await writable.write(data);
  await writable.close();
}
