import { parseStoredGroups, PEER_STORAGE_KEY, removeGroup, serialiseGroups, upsertGroup, type PeerGroup } from './peer-groups';

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (privacy settings): groups then live in the URL only
  }
}

/** The user's saved peer groups, kept in localStorage and shared between tabs. */
export class PeerGroupStore {
  saved = $state<PeerGroup[]>([]);
  readonly #storage: Storage | null;

  constructor(storage: Storage | null = browserStorage()) {
    this.#storage = storage;
    this.saved = parseStoredGroups(this.#read());
  }

  /** Follows edits made in other tabs; returns the function that stops following. */
  start(): () => void {
    const onStorage = (event: StorageEvent) => {
      if (event.key === PEER_STORAGE_KEY) this.saved = parseStoredGroups(event.newValue);
    };
    addEventListener('storage', onStorage);
    return () => removeEventListener('storage', onStorage);
  }

  save(group: PeerGroup): void {
    this.#write(upsertGroup(this.saved, group));
  }

  remove(name: string): void {
    this.#write(removeGroup(this.saved, name));
  }

  #read(): string | null {
    try {
      return this.#storage?.getItem(PEER_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  #write(groups: PeerGroup[]): void {
    this.saved = groups;
    try {
      this.#storage?.setItem(PEER_STORAGE_KEY, serialiseGroups(groups));
    } catch {
      // Full or blocked storage: the group still works for this visit and in the URL.
    }
  }
}
