import type { Connector } from '../../../db/connector';
import { savedDataFolder, writeSavedFile } from '../loaded/saved-data-folder';
import { mappingsCsv, readMappingsCsv } from './mappings-csv';
import { listUserMappings, replaceUserMappings } from './user-mappings';

/**
 * The user's mappings kept in this browser, beside the saved data, as the very CSV they can
 * download: written after every change, read back before the first load of a visit.
 */
const MAPPINGS_FILE = 'mappings.csv';

export async function saveMappingsInBrowser(db: Connector): Promise<void> {
  const dir = await savedDataFolder(true);
  if (!dir) throw new Error('this browser offers no private file storage to this page');
  await writeSavedFile(dir, MAPPINGS_FILE, mappingsCsv(await listUserMappings(db)));
}

/** Puts the saved mappings in the engine; returns how many, or 0 when nothing is saved. */
export async function restoreMappingsFromBrowser(db: Connector): Promise<number> {
  const dir = await savedDataFolder(false);
  if (!dir) return 0;
  let text: string;
  try {
    text = await (await (await dir.getFileHandle(MAPPINGS_FILE)).getFile()).text();
  } catch {
    return 0;
  }
  // Saved by this page: every row was checked when it was made.
  const { mappings } = readMappingsCsv(text, () => true);
  await replaceUserMappings(db, mappings);
  return mappings.length;
}
