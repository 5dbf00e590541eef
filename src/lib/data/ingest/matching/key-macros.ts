import type { Connector } from '../../../db/connector';
import { NAME_KEY_MACROS } from '../vocabulary/name-keys.sql';
import { REFERENCE_KEY_MACROS } from './reference-keys.sql';

/** Creates every key macro: the one matcher of force names, inspection names and status words. */
export async function createKeyMacros(db: Connector): Promise<void> {
  for (const macro of [...NAME_KEY_MACROS, ...REFERENCE_KEY_MACROS]) await db.query(macro);
}
